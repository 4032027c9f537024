// The Users page's model: the vault's users, what the signed-in role may do here, changing a role, and
// which dialog is open (add a user, set a passphrase, re-key the vault to remove someone or to rotate
// its keys). The list is read again after every change.
import { useState } from 'react';
import type { Role, SessionInfo, UserInfo } from '../../../../shared/contract';
import { useCall } from '../../hooks/use-call';
import { useOperation } from '../../hooks/use-operation';
import { useSession } from '../../session/session-context';
import type { RekeyTarget } from './RekeyModal';

export function useUsers(session: SessionInfo) {
  const { can } = useSession();
  const { state, reload } = useOperation('users.list', {});
  const call = useCall();
  const [adding, setAdding] = useState(false);
  const [passphraseFor, setPassphraseFor] = useState<UserInfo | null>(null);
  const [rekey, setRekey] = useState<RekeyTarget | null>(null);

  /** The new role; true once the engine has it. */
  const setRole = async (user: UserInfo, role: Role): Promise<boolean> => {
    if (!(await call.run('users.setRole', { name: user.name, role }))) return false;
    reload();
    return true;
  };

  return {
    state,
    reload,
    error: call.error,
    setError: call.setError,
    /** The person signed in (not when the vault was opened with the recovery key). */
    isSelf: (user: UserInfo) => !session.viaRecoveryKey && user.name === session.userName,
    manage: can('users.add'),
    may: {
      setRole: can('users.setRole'),
      certify: can('users.certify'),
      remove: can('users.remove'),
      rotateKeys: can('vault.rotateKeys'),
    },
    setRole,
    adding,
    setAdding,
    passphraseFor,
    setPassphraseFor,
    rekey,
    setRekey,
    // Removing someone re-encrypts the vault: a job with progress, then the new recovery key.
    remove: (user: UserInfo) => {
      call.setError(null);
      setRekey({ kind: 'remove', name: user.name });
    },
  };
}

export type UsersModel = ReturnType<typeof useUsers>;

// The unlock form's model: unlock with user name and passphrase, or with the recovery key; the error of
// the last attempt; a countdown while the engine throttles attempts (UNLOCK_THROTTLED says for how many
// seconds). On success the session is the one opened and the window goes to the vault.
import { useEffect, useState } from 'react';
import type { OpInput, VaultRef } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { api, type ErrorValue } from '../../platform/api';
import { readLastUser, rememberLastUser } from '../../session/last-user';
import { useSession } from '../../session/session-context';

export interface UnlockValues {
  userName?: string;
  passphrase?: string;
  recoveryKey?: string;
}

/** When an UNLOCK_THROTTLED refusal lets the next attempt through (ms since the epoch), or 0. */
function throttledUntil(error: ErrorValue | null): number {
  if (error?.code !== 'UNLOCK_THROTTLED') return 0;
  const seconds = Number(error.details?.seconds);
  return Number.isFinite(seconds) ? Date.now() + seconds * 1000 : 0;
}

/** Seconds left until `until`, counting down once a second. */
function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [until, now]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function useUnlock(ref: VaultRef) {
  const session = useSession();
  const [recovery, setRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [until, setUntil] = useState(0);
  const wait = useCountdown(until);
  const vaultId = 'vaultId' in ref ? ref.vaultId : null;

  /** One attempt; false when refused (the error is kept, and the form clears the passphrase). */
  const submit = async (values: UnlockValues): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const input: OpInput<'vault.unlock'> = recovery
      ? { vault: ref, recoveryKey: values.recoveryKey ?? '' }
      : { vault: ref, userName: values.userName?.trim(), passphrase: values.passphrase ?? '' };
    const result = await api.call('vault.unlock', input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setUntil(throttledUntil(result.error));
      return false;
    }
    if (!recovery && values.userName) rememberLastUser(result.value.vaultId, values.userName.trim());
    session.chooseFile(null);
    session.opened(result.value);
    navigateTo('vault');
    return true;
  };

  return {
    /** Unlocking with the recovery key instead of a user's passphrase. */
    recovery,
    /** The switch: the other way in, and the last error goes. */
    switchRecovery: (on: boolean) => {
      setRecovery(on);
      setError(null);
    },
    /** Offered when the keyring is lost: the recovery key, with the error still in view. */
    tryRecovery: () => setRecovery(true),
    busy,
    error,
    keyringLost: error?.code === 'KEYRING_MISSING' || error?.code === 'KEYRING_CORRUPT',
    wait,
    lastUser: vaultId ? readLastUser(vaultId) : '',
    submit,
  };
}

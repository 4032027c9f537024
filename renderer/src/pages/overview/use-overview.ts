// The overview's model: the open vault's details (vault.info), replaced by what the page changed since
// it loaded (edits, the recovery key confirmed). Details of another vault than the session's (a vault
// just switched) are not shown: the page waits for its own.
import { useState } from 'react';
import type { SessionInfo, VaultDetails } from '../../../../shared/contract';
import { useOperation } from '../../hooks/use-operation';

export function useOverview(session: SessionInfo) {
  const { state } = useOperation('vault.info', {});
  const [edited, setEdited] = useState<VaultDetails | null>(null);
  const details = edited ?? (state.status === 'ok' ? state.value : null);
  return {
    error: state.status === 'error' ? state.error : null,
    details: details && details.vaultId === session.vaultId ? details : null,
    change: setEdited,
  };
}

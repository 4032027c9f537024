// The open vault as the renderer knows it: who opened which vault (vault.session), or null when locked.
// Pages that show vault data render only while a session exists, keyed by its epoch, so a lock drops
// every piece of vault data they held.
import { createContext, useContext } from 'react';
import type { ChosenFile, OpName, SessionInfo, SessionLocked } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import type { ErrorValue } from '../platform/api';

export type LockReason = SessionLocked['reason'];

export interface LockNotice {
  vaultId: string;
  reason: LockReason;
  idleTimeoutMinutes: number;
}

export interface SessionStore {
  /** False until the first vault.session answer: until then nothing is known about a session. */
  ready: boolean;
  session: SessionInfo | null;
  /** Changes whenever the session does (open, lock, another vault or user): a key for vault pages. */
  epoch: number;
  /** Why the last vault was locked, for its unlock screen. */
  lockNotice: LockNotice | null;
  /** A vault file chosen in "Open a vault file", waiting on the unlock screen. */
  chosenFile: ChosenFile | null;
  /** After vault.unlock or vault.create answered with a session. */
  opened: (session: SessionInfo) => void;
  /** Re-reads vault.session (e.g. after the client name or idle timeout changed). */
  refresh: () => Promise<void>;
  /** vault.lock, as the person asked; the app then shows the unlock screen. */
  lock: () => Promise<ErrorValue | null>;
  chooseFile: (file: ChosenFile | null) => void;
  /** Whether the open session's role may call `op` (the engine decides; this only shapes the UI). */
  can: (op: OpName) => boolean;
}

export const SessionContext = createContext<SessionStore | null>(null);

export function useSession(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession outside <SessionProvider>');
  return store;
}

export function roleMayCall(role: SessionInfo['role'] | null, op: OpName): boolean {
  const access = contract[op].access;
  if (access === 'public') return true;
  return role !== null && access.includes(role);
}

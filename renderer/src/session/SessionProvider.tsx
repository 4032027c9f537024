// Holds the session store and follows the engine's session.locked event: on a lock (idle, system or the
// person's own), every cached vault value goes with the session and the unlock screen says why.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChosenFile, OpName, SessionInfo } from '../../../shared/contract';
import { locationFromHash } from '../app/routes';
import { navigateTo } from '../app/use-hash-route';
import { api } from '../platform/api';
import {
  SessionContext,
  roleMayCall,
  type LockNotice,
  type LockReason,
  type SessionStore,
} from './session-context';

interface State {
  ready: boolean;
  session: SessionInfo | null;
  epoch: number;
  lockNotice: LockNotice | null;
  chosenFile: ChosenFile | null;
}

/** Asking the engine what is open is never the person's activity: it must not keep a vault unlocked. */
const BACKGROUND = { background: true } as const;

const sameSession = (a: SessionInfo, b: SessionInfo) =>
  a.vaultId === b.vaultId &&
  a.userName === b.userName &&
  a.role === b.role &&
  a.viaRecoveryKey === b.viaRecoveryKey;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({
    ready: false,
    session: null,
    epoch: 0,
    lockNotice: null,
    chosenFile: null,
  });
  // The latest session for event handlers, which must not wait for a render to see it.
  const current = useRef<SessionInfo | null>(null);

  const apply = useCallback((session: SessionInfo | null, notice?: LockNotice) => {
    const previous = current.current;
    current.current = session;
    setState((s) => {
      const changed = !previous || !session || !sameSession(previous, session);
      return {
        ...s,
        ready: true,
        session,
        epoch: changed ? s.epoch + 1 : s.epoch,
        lockNotice: session ? null : (notice ?? s.lockNotice),
      };
    });
  }, []);

  /**
   * The vault is no longer open: drop it and show its unlock screen with the reason. A lock the person
   * did not ask for leaves the unlock screens alone (a failed attempt on another vault closes this one
   * too) and the create-vault wizard (which minds its own vault).
   */
  const locked = useCallback(
    (reason: LockReason, asked = false) => {
      const previous = current.current;
      if (!previous) return; // nothing open here, nothing to drop (e.g. an event from before this page)
      apply(null, { vaultId: previous.vaultId, reason, idleTimeoutMinutes: previous.idleTimeoutMinutes });
      const view = locationFromHash(window.location.hash).view;
      if (asked || (view !== 'unlock' && view !== 'create')) navigateTo('unlock', previous.vaultId);
    },
    [apply],
  );

  useEffect(() => {
    let live = true;
    void api.call('vault.session', {}, BACKGROUND).then((result) => {
      if (live) apply(result.ok ? result.value : null);
    });
    const off = api.on('session.locked', ({ reason }) => {
      // The event may overtake the answer of an unlock or create that replaced the session: ask the
      // engine what is open now, and drop the session only if nothing is.
      void api.call('vault.session', {}, BACKGROUND).then((result) => {
        if (!live) return;
        const now = result.ok ? result.value : null;
        if (now) {
          if (current.current) apply(now);
        } else locked(reason);
      });
    });
    return () => {
      live = false;
      off();
    };
  }, [apply, locked]);

  const refresh = useCallback(async () => {
    const result = await api.call('vault.session', {}, BACKGROUND);
    if (result.ok && result.value) apply(result.value);
    else if (result.ok) locked('user');
  }, [apply, locked]);

  const lock = useCallback(async () => {
    const result = await api.call('vault.lock', { reason: 'user' });
    if (!result.ok) return result.error;
    locked('user', true);
    return null;
  }, [locked]);

  const chooseFile = useCallback(
    (chosenFile: ChosenFile | null) => setState((s) => ({ ...s, chosenFile })),
    [],
  );

  const store = useMemo<SessionStore>(
    () => ({
      ...state,
      opened: (session) => apply(session),
      refresh,
      lock,
      chooseFile,
      can: (op: OpName) => roleMayCall(state.session?.role ?? null, op),
    }),
    [state, apply, refresh, lock, chooseFile],
  );

  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

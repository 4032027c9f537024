// A tiny hash router: the view follows location.hash, and navigating only changes the hash (no request).
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { hashForLocation, locationFromHash, type AppLocation, type ViewKey } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = (): string => window.location.hash;

export type Navigate = (view: ViewKey, vaultId?: string | null) => void;

export function navigateTo(view: ViewKey, vaultId: string | null = null): void {
  window.location.hash = hashForLocation({ view, vaultId });
}

export function useHashRoute(): [AppLocation, Navigate] {
  const hash = useSyncExternalStore(subscribe, snapshot);
  const location = useMemo(() => locationFromHash(hash), [hash]);
  const navigate = useCallback<Navigate>((view, vaultId = null) => navigateTo(view, vaultId), []);
  return [location, navigate];
}

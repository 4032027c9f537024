// A tiny hash router: the page follows location.hash, and navigating only changes the hash (no request).
import { useCallback, useSyncExternalStore } from 'react';
import { hashFor, routeFromHash, type RouteKey } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = (): RouteKey => routeFromHash(window.location.hash);

export function useHashRoute(): [RouteKey, (route: RouteKey) => void] {
  const route = useSyncExternalStore(subscribe, snapshot);
  const navigate = useCallback((next: RouteKey) => {
    window.location.hash = hashFor(next);
  }, []);
  return [route, navigate];
}

// The pages of the sidebar, in order. The URL hash (#/settings) names the page, so a reload stays put.
export const ROUTES = [
  'dashboard',
  'records',
  'intake',
  'backup',
  'handover',
  'wipe',
  'compliance',
  'audit',
  'settings',
] as const;

export type RouteKey = (typeof ROUTES)[number];

export const DEFAULT_ROUTE: RouteKey = 'dashboard';

export function isRouteKey(value: string): value is RouteKey {
  return (ROUTES as readonly string[]).includes(value);
}

export function routeFromHash(hash: string): RouteKey {
  const key = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRouteKey(key) ? key : DEFAULT_ROUTE;
}

export const hashFor = (route: RouteKey): string => `#/${route}`;

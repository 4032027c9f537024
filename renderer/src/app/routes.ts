// The pages of the sidebar, in order, and the views reached from them (wizard, unlock screen, vault
// overview, users). The URL hash (#/settings/users) names the view, so a reload stays put.
export const ROUTES = [
  'dashboard',
  'records',
  'duplicates',
  'import',
  'classification',
  'dispositions',
  'backup',
  'handover',
  'wipe',
  'compliance',
  'requests',
  'incidents',
  'analytics',
  'audit',
  'settings',
] as const;

export type RouteKey = (typeof ROUTES)[number];

const DEFAULT_ROUTE: RouteKey = 'dashboard';

function isRouteKey(value: string): value is RouteKey {
  return (ROUTES as readonly string[]).includes(value);
}

/** Views that are not sidebar entries, each with the sidebar entry it belongs under. */
const SUB_VIEWS = {
  create: 'dashboard',
  unlock: 'dashboard',
  vault: 'dashboard',
  users: 'settings',
  receive: 'handover',
} as const satisfies Record<string, RouteKey>;

type SubView = keyof typeof SUB_VIEWS;
export type ViewKey = RouteKey | SubView;

export interface AppLocation {
  view: ViewKey;
  /** The vault id of `unlock/<id>`; null everywhere else (and for a file chosen in a dialog). */
  vaultId: string | null;
}

const VAULT_ID = /^[0-9A-Za-z-]{1,64}$/;

export function locationFromHash(hash: string): AppLocation {
  const parts = hash.replace(/^#\/?/, '').split('?')[0].split('/');
  const [first = '', second = ''] = parts;
  if (first === 'create' || first === 'vault') return { view: first, vaultId: null };
  if (first === 'unlock') return { view: 'unlock', vaultId: VAULT_ID.test(second) ? second : null };
  if (first === 'settings' && second === 'users') return { view: 'users', vaultId: null };
  if (first === 'handover' && second === 'receive') return { view: 'receive', vaultId: null };
  return { view: isRouteKey(first) ? first : DEFAULT_ROUTE, vaultId: null };
}

export function hashForLocation(location: AppLocation): string {
  switch (location.view) {
    case 'unlock':
      return location.vaultId ? `#/unlock/${location.vaultId}` : '#/unlock';
    case 'users':
      return '#/settings/users';
    case 'receive':
      return '#/handover/receive';
    default:
      return `#/${location.view}`;
  }
}

/** The sidebar entry that is highlighted while a view is shown. */
export function sidebarKeyFor(view: ViewKey): RouteKey {
  return isRouteKey(view) ? view : SUB_VIEWS[view];
}

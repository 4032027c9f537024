// The views the URL hash names (app/routes.ts): every view survives the trip to a hash and back, the
// sidebar entry under each view, and what an odd or hostile hash falls back to.
import fc from 'fast-check';
import {
  hashForLocation,
  locationFromHash,
  ROUTES,
  sidebarKeyFor,
  type AppLocation,
  type ViewKey,
} from '../../../renderer/src/app/routes';

const SUB_VIEWS = ['create', 'unlock', 'vault', 'users', 'receive'] as const;
const VIEWS: readonly ViewKey[] = [...ROUTES, ...SUB_VIEWS];
const vaultId = fc.stringMatching(/^[0-9A-Za-z-]{1,64}$/);

const location: fc.Arbitrary<AppLocation> = fc.oneof(
  fc.constantFrom(...VIEWS).map((view) => ({ view, vaultId: null })),
  vaultId.map((id) => ({ view: 'unlock' as const, vaultId: id })),
);

describe('routes', () => {
  test('every location → hash → the same location', () => {
    fc.assert(
      fc.property(location, (loc) => {
        expect(locationFromHash(hashForLocation(loc))).toEqual(loc);
      }),
    );
  });

  test('a query after the view (a filter link) does not change the view', () => {
    fc.assert(
      fc.property(location, fc.string(), (loc, query) => {
        const hash = `${hashForLocation(loc)}?${encodeURIComponent(query)}`;
        expect(locationFromHash(hash)).toEqual(loc);
      }),
    );
  });

  test('the hashes people see', () => {
    expect(hashForLocation({ view: 'records', vaultId: null })).toBe('#/records');
    expect(hashForLocation({ view: 'users', vaultId: null })).toBe('#/settings/users');
    expect(hashForLocation({ view: 'receive', vaultId: null })).toBe('#/handover/receive');
    expect(hashForLocation({ view: 'unlock', vaultId: 'abc-1' })).toBe('#/unlock/abc-1');
    expect(hashForLocation({ view: 'unlock', vaultId: null })).toBe('#/unlock');
    expect(locationFromHash('#/records?filter=%7B%7D')).toEqual({ view: 'records', vaultId: null });
    expect(locationFromHash('#records')).toEqual({ view: 'records', vaultId: null });
  });

  test('an empty, unknown or hostile hash shows the dashboard; a bad vault id is dropped', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/__proto__', '#/constructor', '#/toString'])
      expect(locationFromHash(hash)).toEqual({ view: 'dashboard', vaultId: null });
    expect(locationFromHash('#/unlock/../../etc')).toEqual({ view: 'unlock', vaultId: null });
    expect(locationFromHash(`#/unlock/${'a'.repeat(65)}`)).toEqual({ view: 'unlock', vaultId: null });
    fc.assert(
      fc.property(fc.string(), (text) => {
        const loc = locationFromHash(`#/${text}`);
        expect(VIEWS).toContain(loc.view);
        if (loc.vaultId !== null) expect(loc.vaultId).toMatch(/^[0-9A-Za-z-]{1,64}$/);
      }),
    );
  });

  test('the sidebar highlights the page each view belongs to', () => {
    for (const route of ROUTES) expect(sidebarKeyFor(route)).toBe(route);
    expect(sidebarKeyFor('create')).toBe('dashboard');
    expect(sidebarKeyFor('unlock')).toBe('dashboard');
    expect(sidebarKeyFor('vault')).toBe('dashboard');
    expect(sidebarKeyFor('users')).toBe('settings');
    expect(sidebarKeyFor('receive')).toBe('handover');
  });
});

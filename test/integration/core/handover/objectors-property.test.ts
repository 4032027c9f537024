// Property: whatever customers answer, in whatever order, an objector never travels, and exactly the
// records the rules allow do (TRANSFER to this recipient, no objection, the consent the route and their
// data need: shared/handover.ts). Seeded random answers over several handovers and both routes; each
// package is opened with openssl, as the recipient would, and its customers.jsonl compared.
import { spawnSync } from 'node:child_process';
import { consentSatisfies, requiredConsent, type ConsentType } from '../../../../shared/handover';
import { Random } from '../../../fixtures/random';
import { unwrap } from '../../support/vault-fixture';
import { requireOpenssl } from '../pki/openssl';
import { handoverVault, readyHandover, type HandoverVault } from './handover-support';

jest.setTimeout(300_000);

let h: HandoverVault;

beforeAll(async () => {
  requireOpenssl();
  h = await handoverVault(240, 1, 7, { minorRate: 0.2, sensitiveNoteRate: 0.1 });
}, 120_000);
afterAll(() => h.v.remove());

const PASSWORD = 'property-password-1';

function travelled(pkg: string): number[] {
  const out = spawnSync(
    'sh',
    [
      '-c',
      'openssl cms -decrypt -binary -inform DER -in "$1" -pwri_password "$2" | openssl cms -verify -binary -inform DER -CAfile "$3" | tar -xO data/customers.jsonl',
      'sh',
      pkg,
      PASSWORD,
      pkg.replace(/\.p7m$/, '.sender.pem'),
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  expect(out.status).toBe(0);
  return out.stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { record: number }).record);
}

it.each([
  [1, 'succession'],
  [2, 'provision'],
  [3, 'succession'],
  [4, 'provision'],
] as const)(
  'round %i (%s): objectors never travel, and exactly the allowed records do',
  async (seed, route) => {
    const r = new Random(seed);
    const handoverId = await readyHandover(h.v, { keyMode: 'password', route });
    const answers = new Map<number, { objected: boolean; consent: ConsentType | null }>();
    for (const s of h.stored) {
      const kinds: Array<'objection' | ConsentType> = [];
      if (r.chance(0.2)) kinds.push('separate');
      if (r.chance(0.15)) kinds.push('objection');
      if (r.chance(0.1)) kinds.push('guardian');
      if (r.chance(0.3)) kinds.reverse();
      const a = { objected: false, consent: null as ConsentType | null };
      for (const kind of kinds) {
        if (kind === 'objection') a.objected = true;
        else a.consent = a.consent === 'guardian' || kind === 'guardian' ? 'guardian' : 'separate';
        unwrap(
          await h.v.engine.call('handover.respond', {
            handoverId,
            recordId: s.id,
            kind: kind === 'objection' ? 'objection' : 'consent',
            ...(kind === 'objection' ? {} : { consentType: kind }),
          }),
        );
      }
      answers.set(s.id, a);
    }
    const expected = h.stored
      .filter((s) => {
        const a = answers.get(s.id)!;
        const need = requiredConsent(route, { minor: s.cls.minor === 1, sensitive: s.cls.sensitive !== '' });
        return !a.objected && consentSatisfies(need, a.consent);
      })
      .map((s) => s.id);
    const objectors = [...answers].filter(([, a]) => a.objected).map(([id]) => id);
    expect(objectors.length).toBeGreaterThan(0);
    // The generated customers include children and sensitive data, so every consent rule is exercised.
    expect(h.stored.some((s) => s.cls.minor === 1) && h.stored.some((s) => s.cls.sensitive !== '')).toBe(
      true,
    );
    const built = unwrap(
      await h.v.engine.call('handover.package', { handoverId, out: { path: h.v.dir }, password: PASSWORD }),
    );
    const ids = travelled(built.path);
    expect(ids.filter((id) => objectors.includes(id))).toEqual([]);
    expect(ids).toEqual(expected);
    expect(built.records).toBe(expected.length);
  },
);

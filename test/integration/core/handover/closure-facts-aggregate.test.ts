// The handover facts the compliance centre and the plan read (handoverFacts) are aggregates: one grouped
// pass over the TRANSFER records, then per handover only the records something was recorded for. The
// counts they replaced must equal the former per-handover evaluation's (every destined record scanned with
// its responses, the full selection counted, the full PIPIA record built: `formerCounts` below, kept as
// the oracle) on a vault driven through the real handover engine: two handovers on both routes,
// objections and consents in the handover and in the requests register, notices tracked, records merged
// away, TRANSFER records to a recipient no handover names, a package built. A package and a response leave
// the stored progress (stage, blockers in the registry) as the plan works it out.
import type { HandoverSummary, PipiaRecord } from '../../../../shared/contract';
import { handoverFacts, type HandoverFacts } from '../../../../electron/core/handover/closure-facts';
import { pipiaRecord, pipiaStatus } from '../../../../electron/core/handover/pipia';
import { DESTINED, selectionCounts } from '../../../../electron/core/handover/selection';
import { listHandoverRows } from '../../../../electron/core/handover/store';
import type { VaultDb } from '../../../../electron/core/vault/database';
import { readRegistry } from '../../../../electron/core/vault/registry';
import { Random } from '../../../fixtures/random';
import { unwrap } from '../../support/vault-fixture';
import { withRawVault } from '../backup/backup-support';
import { daysFromToday, handoverVault, readyHandover, type HandoverVault } from './handover-support';

jest.setTimeout(300_000);

let h: HandoverVault;
const ELSEWHERE = '另一家承接有限公司';

beforeAll(async () => {
  h = await handoverVault(150, 1, 11, { minorRate: 0.2, sensitiveNoteRate: 0.15 });
}, 120_000);
afterAll(() => h.v.remove());

/** The counts the aggregates replaced (the other facts are read as they were). */
const REPLACED = [
  'noticesPending',
  'noticesSent',
  'consentsMissing',
  'sensitiveWithoutConsent',
  'minorsWithoutConsent',
  'transferWithoutHandover',
] as const;
/** The counts, and each handover's PIPIA approval as the full record works it out. */
type Replaced = Pick<HandoverFacts, (typeof REPLACED)[number]> & {
  pipias: Array<Pick<PipiaRecord, 'approvedAt' | 'stale'>>;
};

const replaced = (db: VaultDb, f: HandoverFacts | null): Replaced | null =>
  f && {
    ...(Object.fromEntries(REPLACED.map((k) => [k, f[k]])) as Omit<Replaced, 'pipias'>),
    pipias: listHandoverRows(db).map((x) => pipiaStatus(db, x)),
  };

/** The former evaluation: per handover, every destined record with its responses, selection and PIPIA. */
function formerCounts(db: VaultDb): Replaced | null {
  const handovers = listHandoverRows(db);
  if (handovers.length === 0) return null;
  const f: Replaced = {
    noticesPending: 0,
    noticesSent: 0,
    consentsMissing: 0,
    sensitiveWithoutConsent: 0,
    minorsWithoutConsent: 0,
    transferWithoutHandover: (
      db
        .prepare(
          `SELECT count(*) AS n FROM customers c WHERE c.merged_into IS NULL AND c.disposition = 'TRANSFER'
             AND NOT EXISTS (SELECT 1 FROM handovers h WHERE h.disposition_label = c.disposition_recipient)`,
        )
        .get() as { n: number }
    ).n,
    pipias: [],
  };
  for (const x of handovers) {
    const { approvedAt, stale } = pipiaRecord(db, x);
    f.pipias.push({ approvedAt, stale });
    const notices = db
      .prepare(
        `SELECT count(*) AS destined,
                coalesce(sum(EXISTS (SELECT 1 FROM handover_notices n WHERE n.handover_id = ?
                  AND n.customer_id = c.id AND n.status IN ('sent', 'delivered'))), 0) AS sent
           FROM customers c WHERE ${DESTINED}`,
      )
      .get(x.id, x.dispositionLabel) as { destined: number; sent: number };
    f.noticesSent += notices.sent;
    f.noticesPending += notices.destined - notices.sent;
    const consents = db
      .prepare(
        `SELECT coalesce(sum(c.minor = 1 AND NOT EXISTS (SELECT 1 FROM handover_responses r
                  WHERE r.handover_id = ? AND r.customer_id = c.id AND r.kind = 'consent'
                  AND r.consent_type = 'guardian')), 0) AS minors,
                coalesce(sum(c.sensitive <> '' AND NOT EXISTS (SELECT 1 FROM handover_responses r
                  WHERE r.handover_id = ? AND r.customer_id = c.id AND r.kind = 'consent')), 0) AS sensitive
           FROM customers c WHERE ${DESTINED} AND NOT EXISTS (SELECT 1 FROM handover_responses o
             WHERE o.handover_id = ? AND o.customer_id = c.id AND o.kind = 'objection')`,
      )
      .get(x.id, x.id, x.dispositionLabel, x.id) as { minors: number; sensitive: number };
    f.consentsMissing += selectionCounts(db, x).missingConsent;
    f.sensitiveWithoutConsent += consents.sensitive;
    f.minorsWithoutConsent += consents.minors;
  }
  return f;
}

/** Both evaluations on the vault as it stands (a second connection, the engine locked meanwhile). */
const both = () =>
  withRawVault(h.v, (db) => {
    const now = new Date();
    const facts = handoverFacts(db, now);
    return { facts, aggregate: replaced(db, facts), reference: formerCounts(db) };
  });

const call = ((...args: Parameters<HandoverVault['v']['engine']['call']>) =>
  h.v.engine.call(...args)) as HandoverVault['v']['engine']['call'];

it('the aggregate facts equal the per-handover evaluation at every step of two handovers', async () => {
  expect(await both()).toEqual({ facts: null, aggregate: null, reference: null });
  const ids = h.destined;
  // Records merged away stay out; TRANSFER records to a recipient no handover names are counted apart.
  await withRawVault(h.v, (db) => {
    const merge = db.prepare('UPDATE customers SET merged_into = ? WHERE id = ?');
    for (const id of ids.slice(1, 6)) merge.run(ids[0], id);
  });
  unwrap(
    await call('dispositions.set', {
      ids: ids.slice(140),
      set: { disposition: 'TRANSFER', recipient: ELSEWHERE },
    }),
  );
  const succession = await readyHandover(h.v, { keyMode: 'password' });
  const provision = await readyHandover(h.v, {
    keyMode: 'password',
    route: 'provision',
    deadline: daysFromToday(30),
  });
  let step = await both();
  expect(step.aggregate).toEqual(step.reference);
  expect(step.facts).toMatchObject({
    handovers: 2,
    pipiasApproved: 2,
    transferWithoutHandover: 10,
    noticesSent: 0,
  });

  const r = new Random(5);
  const open = [ids[0], ...ids.slice(6, 140)]; // not the records merged away
  for (const handoverId of [succession, provision])
    for (const recordId of open) {
      if (r.chance(0.12)) unwrap(await call('handover.respond', { handoverId, recordId, kind: 'objection' }));
      if (r.chance(0.25))
        unwrap(
          await call('handover.respond', {
            handoverId,
            recordId,
            kind: 'consent',
            consentType: r.chance(0.4) ? 'guardian' : 'separate',
          }),
        );
    }
  const requests = [];
  for (const recordId of open.filter(() => r.chance(0.08)))
    requests.push(unwrap(await call('requests.add', { kind: 'object', recordId, receivedOn: '2026-03-02' })));
  unwrap(await call('requests.close', { id: requests[0].id, outcome: 'withdrawn' }));
  for (const [status, from] of [
    ['sent', 0],
    ['delivered', 30],
    ['bounced', 60],
  ] as const)
    unwrap(
      await call('handover.track', {
        handoverId: succession,
        recordIds: open.slice(from, from + 30),
        status,
      }),
    );
  unwrap(
    await call('handover.track', {
      handoverId: provision,
      recordIds: open.slice(10, 50),
      status: 'delivered',
    }),
  );
  step = await both();
  expect(step.aggregate).toEqual(step.reference);
  const f = step.facts!;
  // Every count is exercised: nothing here is trivially zero.
  for (const key of [
    'noticesSent',
    'noticesPending',
    'objections',
    'consentsMissing',
    'sensitiveWithoutConsent',
    'minorsWithoutConsent',
  ] as const)
    expect(f[key]).toBeGreaterThan(0);

  const built = unwrap(
    await call('handover.package', {
      handoverId: succession,
      out: { path: h.v.dir },
      password: 'aggregate-facts-1',
    }),
  );
  expect(built.records).toBeGreaterThan(0);
  step = await both();
  expect(step.aggregate).toEqual(step.reference);
  expect(step.facts).toMatchObject({ packaged: 1, objectorsPackaged: 0 });
});

const listedOpen = (list: HandoverSummary[]): string => list.find((x) => x.state === 'open')!.handoverId;

it('after a response and a package (which no longer refresh it) the stored progress still matches the plan', async () => {
  const handoverId = listedOpen(unwrap(await call('handover.list', {})));
  unwrap(await call('handover.respond', { handoverId, recordId: h.destined[139], kind: 'objection' }));
  const plan = unwrap(await call('plan.get', {}));
  expect(unwrap(await call('vault.info', {})).stage).toBe(plan.stage);
  expect(readRegistry(h.v.dataDir)[0]).toMatchObject({ stage: plan.stage, blockers: plan.blockers });
});

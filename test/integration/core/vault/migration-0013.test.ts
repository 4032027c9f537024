// Migration 0013 (one table of impact assessments) on a vault as schema 12 wrote it: two handovers, one
// PIPIA approved and one saved but not approved, and a closure-wide draft DPIA. After unlocking, the old
// table is gone; every PIPIA is a row of `assessments` named by its handover, with its answers, its
// approver and approval time; the handover wizard, its readiness and the closure-wide rows read the same.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import { handoverVault, recipientInput, type HandoverVault } from '../handover/handover-support';
import { withRawVault } from '../backup/backup-support';
import { AGREEMENT } from '../../../fixtures/handover-agreement';
import { UNDO_SCHEMA_13, UNDO_SCHEMA_14, UNDO_SCHEMA_15 } from '../../support/released-tables';
import { unwrap } from '../../support/vault-fixture';

jest.setTimeout(180_000);

let h: HandoverVault;
beforeAll(async () => {
  h = await handoverVault(40, 2);
});
afterAll(() => h.v.remove());

const ANSWERS = {
  necessity: '承继业务所必需',
  conclusion: '风险可控，同意移交',
  custodian: '清算组 张会计',
  residualRisk: 'low' as const,
};

/** Schema 12: no incident register yet, handover PIPIAs in their own table. */
const SCHEMA_12 = `${UNDO_SCHEMA_15}\n${UNDO_SCHEMA_14}\n${UNDO_SCHEMA_13}\nPRAGMA user_version = 12;`;

it('moves approved and unapproved handover PIPIAs into assessments, keeping ids and approvals', async () => {
  const call = h.v.engine.call.bind(h.v.engine);
  const summary = async (id: string) =>
    unwrap(await call('handover.list', {})).find((x) => x.handoverId === id)!.progress;
  const approvedId = unwrap(
    await call('handover.create', {
      recipient: recipientInput(),
      route: 'succession',
      reasoning: '公司解散，业务由接收方承继（第二十二条）',
      keyMode: 'password',
    }),
  ).handoverId;
  unwrap(
    await call('handover.agreement', { handoverId: approvedId, terms: AGREEMENT, signedOn: '2026-03-01' }),
  );
  unwrap(await call('handover.pipia', { handoverId: approvedId, answers: ANSWERS, approve: true }));
  const draftId = unwrap(
    await call('handover.create', {
      recipient: { ...recipientInput(), organisation: '杭州另一承接有限公司' },
      route: 'provision',
      reasoning: '客户单独同意后提供（第二十三条）',
      keyMode: 'password',
    }),
  ).handoverId;
  unwrap(await call('handover.pipia', { handoverId: draftId, answers: { ...ANSWERS, conclusion: '待定' } }));
  const dpia = unwrap(await call('assessments.get', { kind: 'dpia' }));
  unwrap(await call('assessments.save', { kind: 'dpia', body: { ...dpia.body, purposes: '清算' } }));

  const before = {
    approved: unwrap(await call('handover.pipia', { handoverId: approvedId })),
    draft: unwrap(await call('handover.pipia', { handoverId: draftId })),
    approvedDetail: await summary(approvedId),
    draftDetail: await summary(draftId),
    dpia: unwrap(await call('assessments.get', { kind: 'dpia' })),
  };
  expect(before.approved.approvedAt).not.toBeNull();
  expect(before.draft.approvedAt).toBeNull();
  expect(before.approvedDetail.pipiaApproved).toBe(true);
  expect(before.draftDetail.blockers).toContain('pipia');

  const tables = await withRawVault(h.v, (db) => {
    db.exec(SCHEMA_12);
    const old = db
      .prepare('SELECT handover_id, approved_by, approved_at FROM handover_pipias ORDER BY handover_id')
      .all();
    return { old };
  });
  // withRawVault unlocked again: the migration ran.
  expect(tables.old).toHaveLength(2);
  expect(unwrap(await call('vault.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
  expect(unwrap(await call('vault.check', {})).ok).toBe(true);

  const rows = await withRawVault(h.v, (db) => ({
    oldTable: db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'handover_pipias'`).pluck().get(),
    rows: db
      .prepare(
        `SELECT kind, handover_id, version, status, approved_by, approved_at FROM assessments
          ORDER BY kind, handover_id`,
      )
      .all() as Array<{
      kind: string;
      handover_id: string | null;
      status: string;
      approved_by: string | null;
    }>,
  }));
  expect(rows.oldTable).toBe(0);
  const byHandover = new Map(rows.rows.map((r) => [r.handover_id, r]));
  expect(byHandover.get(approvedId)).toMatchObject({
    kind: 'pipia',
    version: 1,
    status: 'approved',
    approved_by: 'owner',
    approved_at: before.approved.approvedAt,
  });
  expect(byHandover.get(draftId)).toMatchObject({
    kind: 'pipia',
    version: 1,
    status: 'draft',
    approved_by: null,
  });
  expect(byHandover.get(null)).toMatchObject({ kind: 'dpia', status: 'draft' });
  expect(tables.old).toEqual(
    [approvedId, draftId].sort().map((id) => ({
      handover_id: id,
      approved_by: byHandover.get(id)!.approved_by,
      approved_at: id === approvedId ? before.approved.approvedAt : null,
    })),
  );

  // The wizard, the readiness and the closure-wide assessment read the same as before.
  expect(unwrap(await call('handover.pipia', { handoverId: approvedId }))).toEqual(before.approved);
  expect(unwrap(await call('handover.pipia', { handoverId: draftId }))).toEqual(before.draft);
  expect((await summary(approvedId)).pipiaApproved).toBe(true);
  expect((await summary(draftId)).blockers).toEqual(before.draftDetail.blockers);
  expect(unwrap(await call('assessments.get', { kind: 'dpia' })).body).toEqual(before.dpia.body);

  // Approving the draft after the migration goes through the one path: a new row state, the same table.
  unwrap(await call('handover.pipia', { handoverId: draftId, answers: ANSWERS, approve: true }));
  expect((await summary(draftId)).pipiaApproved).toBe(true);
  // Saving the same answers keeps the approval; changed answers start version 2, a draft to approve again.
  unwrap(await call('handover.pipia', { handoverId: draftId, answers: ANSWERS }));
  expect((await summary(draftId)).pipiaApproved).toBe(true);
  unwrap(
    await call('handover.pipia', {
      handoverId: draftId,
      answers: { ...ANSWERS, custodian: '清算组 李会计' },
    }),
  );
  expect((await summary(draftId)).pipiaApproved).toBe(false);
  const versions = await withRawVault(h.v, (db) =>
    db.prepare('SELECT version, status FROM assessments WHERE handover_id = ? ORDER BY version').all(draftId),
  );
  expect(versions).toEqual([
    { version: 1, status: 'approved' },
    { version: 2, status: 'draft' },
  ]);
  // …and, like the closure-wide assessments, its signed copy is in the evidence archive (survives the wipe).
  const vaultId = unwrap(await call('vault.info', {})).vaultId;
  const archived = readdirSync(join(h.v.dataDir, 'evidence', vaultId));
  expect(archived).toEqual(
    expect.arrayContaining([
      expect.stringMatching(`^closeout-pipia-handover-${draftId.slice(0, 8)}-.*\\.json\\.p7s$`),
    ]),
  );
});

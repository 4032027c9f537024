// Every operation of the contract × every role: allowed or refused exactly as the contract says,
// enforced by the engine (the renderer hiding a button is never the protection).
import { join } from 'node:path';
import { ROLES, contract, OP_NAMES, type OpInput, type OpName, type Role } from '../../../../shared/contract';
import { DEFAULT_RULES } from '../../../../shared/classification/default-rules';
import { editablePlan, planTemplate } from '../../../../shared/emergency-plan';
import {
  AUDITOR_PASS,
  OPERATOR_PASS,
  OWNER_PASS,
  makeVault,
  unwrap,
  type VaultFixture,
} from '../../support/vault-fixture';

let v: VaultFixture;
const NO_HANDOVER = '00000000-0000-4000-8000-000000000000';
const PASS: Record<Role, string> = { owner: OWNER_PASS, operator: OPERATOR_PASS, auditor: AUDITOR_PASS };

beforeAll(async () => {
  v = await makeVault();
  unwrap(await v.engine.call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }));
  unwrap(await v.engine.call('users.add', { name: 'auditor', role: 'auditor', passphrase: AUDITOR_PASS }));
}, 60_000); // three Argon2id slots: well over 5 s on a loaded 2-core machine
afterAll(() => v.remove());

/** A valid input for every operation; the type makes a new operation fail to compile until added here. */
function sampleInputs(role: Role, n: number): { [K in OpName]: OpInput<K> } {
  return {
    'app.info': {},
    'vault.list': {},
    'job.cancel': { job: 'job-not-running' },
    'vault.create': {
      file: { path: join(v.dir, `new-${role}-${n}`) },
      details: { clientName: 'X' },
      owner: { name: 'o', passphrase: OWNER_PASS },
    },
    'vault.unlock': { vault: { path: v.file }, userName: role, passphrase: PASS[role] },
    'vault.lock': {},
    'vault.session': {},
    'vault.info': {},
    'vault.updateDetails': { contact: 'contact' },
    'vault.confirmRecoveryKey': {},
    'vault.writeRecoverySheet': { out: { path: join(v.dir, `sheet-${role}-${n}.pdf`) } },
    'vault.check': {},
    'vault.forget': { vaultId: '00000000-0000-4000-8000-000000000000' },
    'vault.locate': { vaultId: '00000000-0000-4000-8000-000000000000', file: { path: v.file } },
    'users.list': {},
    'users.add': { name: `new-${role}-${n}`, role: 'auditor', passphrase: AUDITOR_PASS },
    'users.remove': { name: 'nobody' },
    'users.certify': { name: 'nobody', keyFingerprint: Array(32).fill('AB').join(':') },
    'vault.rotateKeys': {},
    'users.setRole': { name: 'nobody', role: 'auditor' },
    'users.setPassphrase': { name: role, passphrase: PASS[role] },
    'audit.list': {},
    'audit.verify': {},
    'audit.export': { dir: { path: join(v.dir, `audit-${role}-${n}`) } },
    'dialog.choose': { kind: 'open', purpose: 'vault' },
    'backup.create': { dir: { path: join(v.dir, 'no-such-backup-folder') } },
    'backup.verify': { backup: { path: join(v.dir, 'no-such.cobackup') } },
    'backup.restore': { backup: { path: join(v.dir, 'no-such.cobackup') }, to: { path: join(v.dir, 'r') } },
    'backup.drill': { backup: { path: join(v.dir, 'no-such.cobackup') } },
    'backup.list': {},
    'backup.prune': { keepLast: 1000, dryRun: true },
    'import.preview': { file: { path: join(v.dir, 'no-such.csv') } },
    'import.run': { inputs: [{ file: { path: join(v.dir, 'no-such.csv') } }] },
    'import.sources': {},
    'import.quarantine': {},
    'import.exportQuarantine': { out: { path: join(v.dir, `quarantine-${role}-${n}.csv`) } },
    'import.deleteSource': { file: { path: join(v.dir, 'no-such.csv') } },
    'import.mappings': {},
    'import.saveMapping': { name: `template-${role}-${n}`, mapping: { 客户名称: 'name' } },
    'import.deleteMapping': { name: 'no-such-template' },
    'records.query': { query: '张伟', limit: 10 },
    'records.get': { id: 1 },
    'records.export': { format: 'csv', file: { path: join(v.dir, `records-${role}-${n}.csv`) } },
    'classification.rules': {},
    'classification.saveRules': { rules: DEFAULT_RULES },
    'classification.run': {},
    'classification.override': { ids: [1], set: { type: 'business' } },
    'classification.products': {},
    'classification.fileProducts': { values: ['打印机'], category: 'office-equipment' },
    'dispositions.apply': {
      rules: [{ when: { flags: { stale: true } }, set: { disposition: 'DESTROY' } }],
      dryRun: true,
    },
    'dispositions.set': { ids: [1], set: { disposition: 'DESTROY' } },
    'records.stats': {},
    'duplicates.run': {},
    'duplicates.clusters': {},
    'duplicates.decide': { clusterId: 999_999, decision: 'reject' },
    'duplicates.split': { clusterId: 999_999, recordId: 1 },
    'duplicates.merge': { clusterId: 999_999 },
    'duplicates.unmerge': { mergeId: 999_999 },
    'plan.get': {},
    'plan.history': {},
    'plan.setDates': { objectionDeadline: '2030-01-31' },
    'plan.confirm': { step: 'notify', note: 'letters posted' },
    'plan.certify': {},
    'compliance.checklist': {},
    'compliance.setApplicability': { pipl: true, gdpr: false, ccpa: false, iso27001: true },
    'compliance.answer': { itemId: 'no-such-item', status: 'met', note: 'n' },
    'compliance.saveItem': { title: `rule ${role} ${n}` },
    'compliance.removeItem': { id: '00000000-0000-4000-8000-000000000000' },
    'compliance.report': { dir: { path: join(v.dir, `report-${role}-${n}`) } },
    'assessments.get': { kind: 'pipia' },
    'assessments.save': {
      kind: 'dpia',
      body: {
        purposes: 'p',
        lawfulness: '',
        impact: '',
        likelihood: 2,
        severity: 2,
        measures: '',
        proportionality: '',
        conclusion: '',
        residualRisk: 'low',
      },
    },
    'assessments.approve': { kind: 'pipia' },
    'assessments.write': { kind: 'pipia', dir: { path: join(v.dir, `pipia-${role}-${n}`) } },
    'ropa.get': {},
    'ropa.retention': {},
    'ropa.write': { dir: { path: join(v.dir, `ropa-${role}-${n}`) } },
    'people.list': {},
    'people.save': { name: `person ${role} ${n}`, duty: 'accountant' },
    'people.remove': { id: '00000000-0000-4000-8000-000000000000' },
    'people.recordUndertaking': { id: '00000000-0000-4000-8000-000000000000', signedOn: '2026-01-05' },
    'people.writeUndertaking': {
      id: '00000000-0000-4000-8000-000000000000',
      out: { path: join(v.dir, `undertaking-${role}-${n}.pdf`) },
    },
    'people.addTraining': {
      heldOn: '2026-01-05',
      topic: 't',
      trainer: 'x',
      attendees: ['00000000-0000-4000-8000-000000000000'],
    },
    'risks.list': {},
    'risks.add': { title: `risk ${role} ${n}`, category: 'other', likelihood: 2, impact: 2 },
    'risks.update': { id: 'guide-leakage', owner: role },
    'evidence.pack': { dir: { path: join(v.dir, `evidence-${role}-${n}`) } },
    'evidence.verify': { pack: { path: join(v.dir, 'no-such.p7m') } },
    'requests.list': {},
    'requests.add': { kind: 'complaint', receivedOn: '2026-01-05' },
    'requests.extend': { id: 'R-9999', reason: 'complex' },
    'requests.acknowledge': { id: 'R-9999' },
    'requests.fulfil': { id: 'R-9999', out: { path: v.dir } },
    'requests.close': { id: 'R-9999', outcome: 'withdrawn' },
    'incidents.list': {},
    'incidents.add': { kind: 'other', discoveredAt: '2026-01-05T09:00:00Z', description: 'role sample' },
    'incidents.decide': {
      id: 'I-9999',
      regime: 'pipl',
      audience: 'authority',
      decision: 'notify',
      reason: 'x',
    },
    'incidents.notice': { id: 'I-9999', regime: 'pipl', audience: 'authority', out: { path: v.dir } },
    'incidents.close': { id: 'I-9999', note: 'done' },
    'incidents.status': {},
    'incidents.plan': {},
    'incidents.savePlan': editablePlan(planTemplate('en')),
    'incidents.exportPlan': { out: { path: v.dir } },
    'incidents.drills': {},
    'incidents.logDrill': {
      heldOn: '2026-01-05',
      kind: 'lost-backup',
      scenario: 'role sample',
      participants: ['owner'],
      findings: 'none',
    },
    'analytics.table': { by: ['type'] },
    'analytics.export': {
      by: ['type'],
      format: 'csv',
      file: { path: join(v.dir, `counts-${role}-${n}.csv`) },
    },
    'analytics.extract': { fields: ['type'], file: { path: join(v.dir, `extract-${role}-${n}.csv`) } },
    'wipe.records': { dryRun: true },
    'wipe.vault': { dryRun: true },
    'wipe.resume': {},
    'wipe.pending': {},
    'wipe.logPaper': {
      batch: `B-${role}-${n}`,
      description: '客户登记表 customer forms',
      sheets: 10,
      method: 'shredder',
      level: 'P-4',
      date: '2026-01-15',
      witness: '王芳',
    },
    'wipe.logCloud': { service: '企业网盘', account: `acct-${role}`, data: '客户名单', status: 'requested' },
    'wipe.logs': {},
    'certificate.verify': {
      json: { path: join(v.dir, 'no-such.json') },
      signature: { path: join(v.dir, 'no-such.json.p7s') },
      companyCertificate: { path: join(v.dir, 'no-such.pem') },
    },
    'handover.list': {},
    'handover.get': { handoverId: NO_HANDOVER },
    'handover.create': {
      recipient: {
        organisation: `接收方-${role}-${n}`,
        creditCode: '91350100M000100Y43',
        contactPerson: '王五',
        contact: '0571-88888888',
        address: '杭州市西湖区',
        country: 'CN',
      },
      route: 'succession',
      keyMode: 'password',
    },
    'handover.update': { handoverId: NO_HANDOVER, reasoning: 'x' },
    'handover.kit': { handoverId: NO_HANDOVER, out: { path: v.dir } },
    'handover.agreement': {
      handoverId: NO_HANDOVER,
      terms: {
        purposes: 'p',
        scope: 's',
        retention: 'r',
        undertakings: {
          confidentiality: true,
          securityMeasures: true,
          noFurtherTransfer: true,
          deletionOnRequest: true,
        },
      },
      signedOn: '2026-01-01',
    },
    'handover.vetting': { handoverId: NO_HANDOVER, item: 'licence', done: true },
    'handover.pipia': { handoverId: NO_HANDOVER },
    'handover.notices': { handoverId: NO_HANDOVER, out: { path: v.dir } },
    'handover.noticeList': { handoverId: NO_HANDOVER },
    'handover.track': { handoverId: NO_HANDOVER, recordIds: [1], status: 'sent' },
    'handover.respond': { handoverId: NO_HANDOVER, recordId: 1, kind: 'objection' },
    'handover.selection': { handoverId: NO_HANDOVER },
    'handover.package': { handoverId: NO_HANDOVER, out: { path: v.dir } },
    'handover.receiptImport': { handoverId: NO_HANDOVER, receipt: { path: join(v.dir, 'no-such.p7s') } },
    'handover.open': { package: { path: join(v.dir, 'no-such.p7m') }, password: 'password-1234' },
    'handover.receiptCreate': {
      package: { path: join(v.dir, 'no-such.p7m') },
      out: { path: join(v.dir, `receipt-${role}-${n}.p7s`) },
    },
  };
}

const guarded = OP_NAMES.filter((op) => contract[op].access !== 'public' && op !== 'vault.lock');

describe('roles', () => {
  it('refuses every guarded operation while the vault is locked', async () => {
    await v.engine.call('vault.lock', {});
    const inputs = sampleInputs('owner', 0);
    for (const op of guarded) {
      const res = await v.engine.call(op, inputs[op]);
      // Operations the recovery key may also open say that it would do.
      const expected = contract[op].orRecoveryKey ? 'UNLOCK_OR_RECOVERY_KEY' : 'VAULT_LOCKED';
      expect({ op, code: res.ok ? 'ok' : res.error.code }).toEqual({ op, code: expected });
    }
  });

  it.each(ROLES)(
    '%s: each guarded operation is allowed or refused exactly as the contract says',
    async (role) => {
      unwrap(
        await v.engine.call('vault.unlock', {
          vault: { path: v.file },
          userName: role,
          passphrase: PASS[role],
        }),
      );
      let n = 0;
      for (const op of guarded) {
        const inputs = sampleInputs(role, ++n);
        const res = await v.engine.call(op, inputs[op]);
        const access = contract[op].access as readonly Role[];
        const refused = !res.ok && res.error.code === 'NOT_ALLOWED';
        expect({ op, role, refused }).toEqual({ op, role, refused: !access.includes(role) });
        if (!res.ok)
          expect([
            'NOT_ALLOWED',
            'USER_NOT_FOUND',
            'VAULT_NOT_REGISTERED',
            'BACKUP_DEST_UNUSABLE',
            'BACKUP_NOT_FOUND',
            // The dedupe samples name a cluster and a merge that do not exist.
            'DEDUPE_CLUSTER_NOT_FOUND',
            'DEDUPE_MERGE_NOT_FOUND',
            // records.get of a record the empty vault does not have
            'RECORD_NOT_FOUND',
            // import.* on a file that is not there; import.deleteMapping of a template that does not exist
            'FILE_UNREADABLE',
            'MAPPING_NOT_FOUND',
            // The compliance samples: an item, a person and a draft that do not exist; a closure not ready.
            'CHECKLIST_ITEM_UNKNOWN',
            'PERSON_NOT_FOUND',
            'ASSESSMENT_NOT_DRAFT',
            'PLAN_NOT_READY',
            // plan.confirm of a step the empty vault decides from its evidence (nothing to transfer)
            'PLAN_STEP_EVALUATED',
            // handover.* samples name a handover that does not exist
            'HANDOVER_NOT_FOUND',
            'REQUEST_NOT_FOUND', // requests.* samples name a request that does not exist
            'INCIDENT_NOT_FOUND', // incidents.* samples name an incident that does not exist
            'ANALYTICS_K_UNREACHABLE', // analytics.extract of an empty vault: fewer than k records
            'RECOVERY_KEY_NEEDED', // a version 2 recovery key is kept nowhere: this session did not make it
          ]).toContain(res.error.code);
      }
      // Refusals are themselves recorded in the audit chain.
      const refusedOps = guarded.filter((op) => !(contract[op].access as readonly Role[]).includes(role));
      if (refusedOps.length) {
        unwrap(await v.engine.call('vault.lock', {}));
        unwrap(
          await v.engine.call('vault.unlock', {
            vault: { path: v.file },
            userName: 'owner',
            passphrase: OWNER_PASS,
          }),
        );
        const entries = unwrap(await v.engine.call('audit.list', { userName: role, limit: 1000 }));
        for (const op of refusedOps)
          expect(entries.some((e) => e.op === op && e.outcome === 'refused')).toBe(true);
      }
      unwrap(await v.engine.call('vault.lock', {}));
    },
    60_000,
  );
});

// The incident register on a real vault: a lost backup's affected set comes from that backup's signed
// manifest (read back here from the disk, independently), or — its manifest gone too — from the records
// the vault held when it was made; a manifest that is not that backup's is refused and changes nothing.
// The timers follow discovery, decisions and notices; the drafts (zh + en PDF) carry counts, never a
// customer's value; the register survives a records purge; drills and the Dashboard's drill warning.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EEA_COUNTRIES } from '../../../../electron/core/compliance/customer-facts';
import { editablePlan } from '../../../../shared/emergency-plan';
import { generateCustomers } from '../../../fixtures/customers';
import { encodeCsv } from '../../../fixtures/write-csv';
import { tempDir } from '../../helpers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(300_000);

const pdfText = (file: string): string => {
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(out.status).toBe(0);
  return out.stdout;
};

let v: VaultFixture;
let backupFile: string;
let disk: ReturnType<typeof tempDir>;
let backupId: string;
let manifestCopy: string;
const call: VaultFixture['engine']['call'] = (...args) => v.engine.call(...args);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function importRows(seed: number, n: number, name: string) {
  const file = join(v.dir, name);
  writeFileSync(
    file,
    encodeCsv(
      [...generateCustomers(seed, n)].map((c) => c.row),
      { header: 'zh' },
    ),
  );
  unwrap(await call('import.run', { inputs: [{ file: { path: file } }] }));
}

beforeAll(async () => {
  v = await makeVault();
  await importRows(11, 60, 'first.csv');
  disk = tempDir('closeout-incident-backup-');
  const dir = disk.path;
  const created = unwrap(await call('backup.create', { dir: { path: dir } }));
  backupId = created.backupId;
  backupFile = join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.cobackup'))!,
  );
  manifestCopy = join(v.dir, 'manifest-copy.json');
  copyFileSync(`${backupFile}.manifest.json`, manifestCopy);
  // Records imported after the backup are not in it.
  await new Promise((r) => setTimeout(r, 20));
  await importRows(12, 25, 'second.csv');
});
afterAll(() => {
  v.remove();
  disk.remove();
});

test('a lost backup: the records its manifest held, encrypted, the key not in it', async () => {
  const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, 'utf8')) as {
    rowCounts: Record<string, number>;
  };
  expect(manifest.rowCounts.customers).toBeGreaterThan(0);
  // The file on disk is SQLCipher: no SQLite header in clear.
  expect(readFileSync(backupFile).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

  const added = unwrap(
    await call('incidents.add', {
      kind: 'lost-backup',
      discoveredAt: hoursAgo(2),
      description: 'Backup disk left on a train',
      source: { from: 'backup', backupId },
    }),
  );
  expect(added.ref).toMatch(/^I-\d{4}$/);
  expect(added.affected).toMatchObject({
    basis: 'backup-manifest',
    backupId,
    records: manifest.rowCounts.customers,
    encrypted: true,
    keyExposed: false,
  });
  const stats = unwrap(await call('records.stats', {}));
  expect(stats.customers).toBeGreaterThan(manifest.rowCounts.customers); // the later import is not counted
  expect(added.affected.fields).toEqual(expect.arrayContaining(['name', 'phone']));
  // PIPL always; GDPR when the backup held EEA residents.
  const eea = Object.entries(stats.countries)
    .filter(([c]) => (EEA_COUNTRIES as readonly string[]).includes(c))
    .reduce((a, [, n]) => a + n, 0);
  expect(added.regimes.includes('gdpr')).toBe(added.affected.eu > 0);
  expect(added.affected.eu).toBeLessThanOrEqual(eea);
  expect(added.regimes[0]).toBe('pipl');
});

test('the manifest lost too: a copy is checked against the vault, else the records held at the time', async () => {
  renameSync(`${backupFile}.manifest.json`, join(v.dir, 'gone.json'));
  try {
    const manifest = JSON.parse(readFileSync(manifestCopy, 'utf8')) as { rowCounts: Record<string, number> };
    const estimate = unwrap(
      await call('incidents.add', {
        kind: 'lost-backup',
        discoveredAt: hoursAgo(1),
        description: 'Backup disk stolen with its manifest',
        source: { from: 'backup', backupId },
      }),
    );
    expect(estimate.affected.basis).toBe('backup-estimate');
    expect(estimate.affected.records).toBe(manifest.rowCounts.customers);

    const copied = unwrap(
      await call('incidents.add', {
        kind: 'lost-backup',
        discoveredAt: hoursAgo(1),
        description: 'Backup disk stolen, manifest copy kept',
        source: { from: 'backup', backupId, manifest: { path: manifestCopy } },
      }),
    );
    expect(copied.affected.basis).toBe('backup-manifest');

    const before = unwrap(await call('incidents.list', {})).length;
    const forged = join(v.dir, 'forged.json');
    writeFileSync(forged, readFileSync(manifestCopy, 'utf8').replace(/"customers": \d+/, '"customers": 1'));
    const refused = await call('incidents.add', {
      kind: 'lost-backup',
      discoveredAt: hoursAgo(1),
      description: 'forged',
      source: { from: 'backup', backupId, manifest: { path: forged } },
    });
    expect(refused.ok ? null : refused.error.code).toBe('INCIDENT_MANIFEST_MISMATCH');
    expect(unwrap(await call('incidents.list', {}))).toHaveLength(before);
  } finally {
    renameSync(join(v.dir, 'gone.json'), `${backupFile}.manifest.json`);
  }
});

test('timers, decisions, drafts zh + en without customer values, sent notices, closure', async () => {
  const added = unwrap(
    await call('incidents.add', {
      kind: 'unauthorised-access',
      discoveredAt: hoursAgo(2),
      description: 'A former employee logged in',
      source: { from: 'vault' },
      regimes: ['pipl', 'gdpr', 'ccpa'],
    }),
  );
  const timer = (e: { timers: typeof added.timers }, key: string) =>
    e.timers.find((t) => `${t.regime}:${t.audience}` === key)!;
  expect(timer(added, 'gdpr:authority')).toMatchObject({ state: 'running', rule: 'hours' });
  expect(timer(added, 'gdpr:authority').hoursLeft).toBeGreaterThanOrEqual(69);
  expect(timer(added, 'gdpr:authority').hoursLeft).toBeLessThanOrEqual(70);
  expect(timer(added, 'pipl:authority')).toMatchObject({ state: 'running', rule: 'immediately' });
  expect(timer(added, 'ccpa:individuals').rule).toBe('expedient');
  expect(added.timers.some((t) => t.regime === 'ccpa' && t.audience === 'authority')).toBe(false);

  const status = unwrap(await call('incidents.status', {}));
  expect(status.running.filter((r) => r.id === added.id)).toHaveLength(5);

  const out = join(v.dir, 'notices');
  mkdirSync(out);
  const drafted = unwrap(
    await call('incidents.notice', {
      id: added.ref,
      regime: 'gdpr',
      audience: 'authority',
      out: { path: out },
    }),
  );
  const file = join(out, `${added.ref}-gdpr-authority-draft.pdf`);
  const text = pdfText(file);
  expect(text).toContain('Personal data breach notification');
  expect(text).toContain('个人信息安全事件报告');
  expect(text).toContain(String(added.affected.records));
  const first = unwrap(await call('records.query', { limit: 5 })).records;
  for (const r of first) if (r.name) expect(text).not.toContain(r.name);
  expect(timer(drafted, 'gdpr:authority').state).toBe('running'); // a draft is not a notice

  const individuals = unwrap(
    await call('incidents.notice', {
      id: added.id,
      regime: 'ccpa',
      audience: 'individuals',
      out: { path: out },
    }),
  );
  const letter = pdfText(join(out, `${added.ref}-ccpa-individuals-draft.pdf`));
  for (const heading of [
    'Notice of Data Breach',
    'What Happened',
    'What Information Was Involved',
    'What We Are Doing',
    'What You Can Do',
    'For More Information',
  ])
    expect(letter).toContain(heading);
  expect(individuals.notices).toHaveLength(2);

  const sent = unwrap(
    await call('incidents.notice', {
      id: added.id,
      regime: 'gdpr',
      audience: 'authority',
      sentAt: hoursAgo(1),
    }),
  );
  expect(timer(sent, 'gdpr:authority').state).toBe('sent');
  expect(sent.notices.find((n) => n.regime === 'gdpr')!.files).toEqual([
    `${added.ref}-gdpr-authority-draft.pdf`,
  ]);

  const decided = unwrap(
    await call('incidents.decide', {
      id: added.id,
      regime: 'gdpr',
      audience: 'individuals',
      decision: 'not-required',
      reason: 'Data encrypted at rest, no export in the audit log',
    }),
  );
  expect(timer(decided, 'gdpr:individuals').state).toBe('not-required');
  const noSuch = await call('incidents.notice', {
    id: added.id,
    regime: 'ccpa',
    audience: 'authority',
    sentAt: hoursAgo(1),
  });
  expect(noSuch.ok ? null : noSuch.error.code).toBe('INCIDENT_REGIME');
  const empty = await call('incidents.notice', { id: added.id, regime: 'pipl', audience: 'authority' });
  expect(empty.ok ? null : empty.error.code).toBe('INCIDENT_NOTICE_EMPTY');

  const closed = unwrap(
    await call('incidents.close', { id: added.id, note: 'Account removed, passphrases changed' }),
  );
  expect(closed.status).toBe('closed');
  expect(timer(closed, 'pipl:authority').state).toBe('stopped');
  const again = await call('incidents.close', { id: added.id, note: 'again' });
  expect(again.ok ? null : again.error.code).toBe('INCIDENT_CLOSED');
  expect(unwrap(await call('incidents.status', {})).running.some((r) => r.id === added.id)).toBe(false);
});

test('drills and the plan: the warning when none was held in the period, the plan saved and exported', async () => {
  expect(unwrap(await call('incidents.status', {}))).toMatchObject({
    lastDrill: null,
    drillDue: true,
    drillPeriodMonths: 12,
  });
  const old = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
  unwrap(
    await call('incidents.logDrill', {
      heldOn: old,
      kind: 'lost-backup',
      scenario: 'Backup disk lost on the way to the bank safe',
      participants: ['张会计', 'IT'],
      findings: 'Recovery key was in the same bag',
    }),
  );
  expect(unwrap(await call('incidents.status', {}))).toMatchObject({ lastDrill: old, drillDue: true });
  const today = new Date().toISOString().slice(0, 10);
  const drill = unwrap(
    await call('incidents.logDrill', {
      heldOn: today,
      kind: 'wrong-recipient',
      scenario: 'Package sent to the wrong company',
      participants: ['张会计'],
      findings: 'Recipient contact list checked',
    }),
  );
  expect(drill.participants).toEqual(['张会计']);
  expect(unwrap(await call('incidents.status', {}))).toMatchObject({ lastDrill: today, drillDue: false });
  expect(unwrap(await call('incidents.drills', {})).map((d) => d.heldOn)).toEqual([today, old]);
  const future = await call('incidents.logDrill', { ...drill, heldOn: '2999-01-01', id: undefined } as never);
  expect(future.ok).toBe(false);

  const template = unwrap(await call('incidents.plan', { language: 'en' }));
  expect(template.updatedAt).toBeNull();
  expect(template.steps['lost-backup'].length).toBeGreaterThan(0);
  expect(unwrap(await call('incidents.plan', { language: 'zh-CN' })).roles[0].role).toBe('应急负责人');
  const plan = editablePlan(template);
  plan.contacts[0] = { ...plan.contacts[0], name: 'Li Lei', contact: 'lilei@example.com' };
  plan.drillPeriodMonths = 6;
  const saved = unwrap(await call('incidents.savePlan', plan));
  expect(saved.updatedAt).not.toBeNull();
  expect(unwrap(await call('incidents.status', {})).drillPeriodMonths).toBe(6);
  const dir = join(v.dir, 'plan');
  mkdirSync(dir);
  const exported = unwrap(await call('incidents.exportPlan', { out: { path: dir } }));
  const text = pdfText(exported.file);
  expect(text).toContain('Emergency plan');
  expect(text).toContain('lilei@example.com');
});

test('the register survives a records purge', async () => {
  const before = unwrap(await call('incidents.list', {}));
  const ids = unwrap(await call('records.query', { limit: 500 })).records.map((r) => r.id);
  unwrap(await call('dispositions.set', { ids, set: { disposition: 'DESTROY' } }));
  const certDir = join(v.dir, 'certificates');
  mkdirSync(certDir);
  unwrap(await call('wipe.records', { certificateDir: { path: certDir } }));
  expect(unwrap(await call('records.stats', {})).customers).toBe(0);
  const after = unwrap(await call('incidents.list', {}));
  expect(after.map((e) => [e.ref, e.affected.records])).toEqual(
    before.map((e) => [e.ref, e.affected.records]),
  );
});

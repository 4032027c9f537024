// Retention (backup.prune), backups named by id, the registry's backup health (read without unlocking),
// and the signed restore-drill certificate (pdftotext and openssl read it), on real vaults and files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createEngine } from '../../../../electron/core/host/in-process';
import { readRegistry } from '../../../../electron/core/vault/registry';
import type { OpResult } from '../../../../shared/contract';
import { tempDir } from '../../helpers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { visibleFiles, withRawVault } from './backup-support';

jest.setTimeout(60_000); // several backups, a drill, pdf rendering on a loaded 2-core machine

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;
let usb: string; // a second "disk", unplugged part-way through
const made: Array<OpResult<'backup.create'>> = [];

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);
const registryEntry = (dataDir: string, id: string) => readRegistry(dataDir).find((e) => e.id === id);

/** Backdates a backup's creation time in the vault's own table (as if made on that day). */
const backdate = (id: string, iso: string) =>
  withRawVault(v, (db) => db.prepare('UPDATE backups SET created_at = ? WHERE id = ?').run(iso, id));

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-retention-');
  usb = join(out.path, 'usb');
  mkdirSync(usb);
  for (let i = 0; i < 6; i++)
    made.push(unwrap(await v.engine.call('backup.create', { dir: { path: i === 1 ? usb : out.path } })));
  // Noon UTC is the same calendar day in every time zone from UTC−11 to UTC+11.
  const days = [
    '2026-03-20T12:00:00.000Z', // 0: newest
    '2026-03-20T11:00:00.000Z', // 1: same day, on the usb disk
    '2026-03-19T12:00:00.000Z', // 2
    '2026-03-05T12:00:00.000Z', // 3
    '2026-02-10T12:00:00.000Z', // 4
    '2026-01-10T12:00:00.000Z', // 5: oldest
  ];
  for (let i = 0; i < made.length; i++) await backdate(made[i].backupId, days[i]);
  // Only the oldest passed its last verification: retention must keep it whatever the policy says.
  await withRawVault(v, (db) =>
    db.prepare('UPDATE backups SET last_verify_ok = (id = ?)').run(made[5].backupId),
  );
}, 180_000);
afterAll(async () => {
  await v.remove();
  out.remove();
});

describe('backup.prune', () => {
  it('dry run: shows the plan (last N, daily, monthly, last verified) and changes nothing', async () => {
    const auditBefore = unwrap(await v.engine.call('audit.verify', {})).entries;
    const plan = unwrap(
      await v.engine.call('backup.prune', { keepLast: 1, keepDaily: 2, keepMonthly: 2, dryRun: true }),
    );
    expect(plan.dryRun).toBe(true);
    const byId = Object.fromEntries(plan.items.map((i) => [i.id, i]));
    expect(byId[made[0].backupId]).toMatchObject({ action: 'keep', reasons: ['last', 'daily', 'monthly'] });
    expect(byId[made[1].backupId]).toMatchObject({ action: 'delete', reasons: [] });
    expect(byId[made[2].backupId]).toMatchObject({ action: 'keep', reasons: ['daily'] });
    expect(byId[made[3].backupId]).toMatchObject({ action: 'delete' });
    expect(byId[made[4].backupId]).toMatchObject({ action: 'keep', reasons: ['monthly'] });
    expect(byId[made[5].backupId]).toMatchObject({ action: 'keep', reasons: ['last-verified'] });
    expect(plan.items.every((i) => !i.deleted)).toBe(true);
    for (const b of made) expect(existsSync(b.path)).toBe(true);
    expect(unwrap(await v.engine.call('audit.verify', {})).entries).toBe(auditBefore);
    expect(unwrap(await v.engine.call('backup.list', {})).every((b) => b.deletedAt === null)).toBe(true);
  });

  it('deletes the condemned copies that are here, says which disk was absent, records it', async () => {
    // Unplug the usb disk: its copy is condemned but cannot be deleted now.
    renameSync(usb, `${usb}-unplugged`);
    try {
      const plan = unwrap(await v.engine.call('backup.prune', { keepLast: 1, keepDaily: 2, keepMonthly: 2 }));
      expect(plan).toMatchObject({ dryRun: false, kept: 4, deleted: 1, absent: 1 });
      const byId = Object.fromEntries(plan.items.map((i) => [i.id, i]));
      expect(byId[made[1].backupId]).toMatchObject({ action: 'delete', deleted: false, note: 'absent' });
      expect(byId[made[3].backupId]).toMatchObject({ action: 'delete', deleted: true, note: null });
      // The three files of the deleted copy are gone; the kept ones are all there.
      const name = basename(made[3].path);
      expect(visibleFiles(out.path).filter((f) => f.startsWith(name))).toEqual([]);
      for (const i of [0, 2, 4, 5]) expect(existsSync(made[i].path)).toBe(true);

      const list = unwrap(await v.engine.call('backup.list', {}));
      const row = (id: string) => list.find((b) => b.id === id);
      expect(row(made[3].backupId)).toMatchObject({ present: false, deletedAt: plan.at });
      expect(row(made[1].backupId)).toMatchObject({ present: false, deletedAt: null });

      const [entry] = unwrap(await v.engine.call('audit.list', { op: 'backup.prune' }));
      expect(entry).toMatchObject({
        outcome: 'ok',
        params: { deleted: [made[3].backupId], absent: [made[1].backupId], failed: [] },
        counts: { kept: 4, deleted: 1 },
      });
      expect(JSON.stringify(entry)).not.toContain(out.path);
      expect(unwrap(await v.engine.call('audit.verify', {})).ok).toBe(true);
    } finally {
      renameSync(`${usb}-unplugged`, usb);
    }
    // With the disk back, the next prune deletes it.
    const again = unwrap(await v.engine.call('backup.prune', { keepLast: 1, keepDaily: 2, keepMonthly: 2 }));
    expect(again.items.find((i) => i.id === made[1].backupId)).toMatchObject({ deleted: true });
    expect(existsSync(made[1].path)).toBe(false);
    // A deleted copy is no longer a candidate, and cannot be named by id.
    expect(again.items.map((i) => i.id)).not.toContain(made[3].backupId);
    const gone = await v.engine.call('backup.verify', { backup: { backupId: made[3].backupId } });
    expect(codeOf(gone)).toBe('BACKUP_UNKNOWN');
  });

  it('never deletes the last verified copy, even with keep-last 1 and nothing else', async () => {
    const plan = unwrap(await v.engine.call('backup.prune', { keepLast: 1 }));
    expect(plan.items.find((i) => i.id === made[5].backupId)).toMatchObject({
      action: 'keep',
      reasons: ['last-verified'],
    });
    expect(existsSync(made[5].path)).toBe(true);
    expect(existsSync(made[0].path)).toBe(true);
    expect(existsSync(made[2].path) || existsSync(made[4].path)).toBe(false);
  });

  it('refuses a policy that keeps nothing (keep-last 0)', async () => {
    const bad = await v.engine.call('backup.prune', { keepLast: 0 });
    expect(codeOf(bad)).toBe('INVALID_INPUT');
  });
});

describe('backups by id, backup health in the registry, drill certificate', () => {
  it('verifies a listed copy by its id (no path from the window) and records health without unlocking', async () => {
    const id = made[0].backupId;
    const verified = unwrap(await v.engine.call('backup.verify', { backup: { backupId: id } }));
    expect(verified).toMatchObject({ ok: true, recorded: true, path: made[0].path });
    const entry = registryEntry(v.dataDir, v.created.session.vaultId);
    expect(entry?.lastVerifiedBackupAt).toBe('2026-03-20T12:00:00.000Z');
    expect(entry?.lastVerifyFailure).toBeNull();
    // Another engine on the same data folder, nothing unlocked, sees it in vault.list.
    const other = createEngine({ dataDir: v.dataDir, electronVersion: null });
    try {
      const [summary] = unwrap(await other.call('vault.list', {}));
      expect(summary).toMatchObject({ lastVerifiedBackupAt: '2026-03-20T12:00:00.000Z' });
      // A listed copy by id needs the vault open: the id means nothing without its backups table.
      expect(codeOf(await other.call('backup.verify', { backup: { backupId: id } }))).toBe(
        'UNLOCK_OR_RECOVERY_KEY',
      );
    } finally {
      await other.close();
    }
  });

  it('a failed verification sets a loud marker; a pass of that copy clears it', async () => {
    const id = made[0].backupId;
    const bytes = readFileSync(made[0].path);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    writeFileSync(made[0].path, flipped);
    const failed = unwrap(await v.engine.call('backup.verify', { backup: { backupId: id } }));
    expect(failed.ok).toBe(false);
    let summary = unwrap(await v.engine.call('vault.list', {}))[0];
    expect(summary.lastVerifyFailure).toMatchObject({ backupId: id });
    writeFileSync(made[0].path, bytes);
    unwrap(await v.engine.call('backup.verify', { backup: { backupId: id } }));
    summary = unwrap(await v.engine.call('vault.list', {}))[0];
    expect(summary.lastVerifyFailure).toBeNull();
  });

  it('drill by id writes a signed certificate that pdftotext and openssl read; the Dashboard date is set', async () => {
    const certs = join(out.path, 'certificates');
    mkdirSync(certs);
    const r = unwrap(
      await v.engine.call('backup.drill', {
        backup: { backupId: made[0].backupId },
        certificateDir: { path: certs },
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.certificate).not.toBeNull();
    const { pdf, json, signature } = r.certificate!;
    expect(visibleFiles(certs)).toEqual([basename(json), basename(signature), basename(pdf)].sort());

    const facts = JSON.parse(readFileSync(json, 'utf8'));
    expect(facts).toMatchObject({
      format: 'closeout-restore-drill-certificate',
      version: 1,
      vault: { vaultId: v.created.session.vaultId, clientName: '杭州示例商贸有限公司' },
      backup: {
        backupId: made[0].backupId,
        sha256: made[0].sha256,
        file: basename(made[0].path),
        contentDigest: r.contentDigest,
      },
      drill: { at: r.at, by: 'owner', result: 'restore-verified' },
    });
    // The digest the drill computed (a version-2 manifest has none) is in the certificate, the signed
    // audit entry and the backups table.
    expect(r.contentDigest).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = unwrap(await v.engine.call('audit.list', { op: 'backup.drill' }));
    expect(facts.drill.auditEntry).toEqual({ seq: entry.seq, hash: entry.hash });
    expect(entry.params).toMatchObject({ backupId: made[0].backupId, contentDigest: r.contentDigest });
    const row = unwrap(await v.engine.call('backup.list', {})).find((b) => b.id === made[0].backupId);
    expect(row?.drills.at(-1)).toMatchObject({ ok: true, contentDigest: r.contentDigest });

    const pdfText = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText.status).toBe(0);
    expect(pdfText.stdout).toContain('恢复演练证明');
    expect(pdfText.stdout).toContain('Restore drill certificate');
    expect(pdfText.stdout).toContain('杭州示例商贸有限公司');
    expect(pdfText.stdout).toContain(made[0].sha256.slice(0, 32)); // long hex wraps in the table

    const verify = (content: string) =>
      spawnSync(
        'openssl',
        ['cms', '-verify', '-binary', '-noverify', '-inform', 'PEM', '-in', signature, '-content', content],
        { encoding: 'utf8' },
      );
    const good = verify(json);
    expect(good.stderr).toContain('Verification successful');
    expect(good.status).toBe(0);
    const changed = join(out.path, 'changed.json');
    writeFileSync(changed, readFileSync(json, 'utf8').replace('"ok": true', '"ok": false'));
    expect(verify(changed).status).not.toBe(0);

    const summary = unwrap(await v.engine.call('vault.list', {}))[0];
    expect(summary.lastRestoreVerifiedAt).toBe(r.at);
  });

  it('refuses a certificate folder that does not exist before drilling, and a failed drill writes none', async () => {
    const before = unwrap(await v.engine.call('backup.list', {})).find((b) => b.id === made[0].backupId);
    const res = await v.engine.call('backup.drill', {
      backup: { backupId: made[0].backupId },
      certificateDir: { path: join(out.path, 'no-such-folder') },
    });
    expect(codeOf(res)).toBe('WRITE_FAILED');
    const after = unwrap(await v.engine.call('backup.list', {})).find((b) => b.id === made[0].backupId);
    expect(after?.drills.length).toBe(before?.drills.length);

    const certs = join(out.path, 'certificates-bad');
    mkdirSync(certs);
    const manifest = `${made[0].path}.manifest.json`;
    const original = readFileSync(manifest);
    // One space more: the manifest still parses, its signature no longer holds.
    writeFileSync(manifest, original.toString('utf8').replace('"keySlots": "none"', '"keySlots": "none" '));
    expect(readFileSync(manifest).equals(original)).toBe(false);
    try {
      const r = unwrap(
        await v.engine.call('backup.drill', {
          backup: { backupId: made[0].backupId },
          certificateDir: { path: certs },
        }),
      );
      expect(r.ok).toBe(false);
      expect(r.certificate).toBeNull();
      expect(visibleFiles(certs)).toEqual([]);
      expect(unwrap(await v.engine.call('vault.list', {}))[0].lastVerifyFailure).toMatchObject({
        backupId: made[0].backupId,
      });
    } finally {
      writeFileSync(manifest, original);
    }
  });
});

// On a real vault driven through the real handover and wipe engines, the checklist items and the plan's
// Notify / Hand over / Wipe / Certify steps follow the handover's and the wipe's own evidence: no hand
// answer while a handover is recorded; route, vetting and agreement; notices sent; an objection honoured;
// the package and its receipt; the records purged and verified with a certificate of sanitisation.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist, ClosurePlan } from '../../../../shared/contract';
import { readRegistry } from '../../../../electron/core/vault/registry';
import { tempDir } from '../../helpers';
import {
  checkPackWithDebianTools,
  opensslCmsVerify,
  opensslVerifyAttached,
  run,
} from '../../support/openssl';
import { unwrap } from '../../support/vault-fixture';
import {
  RECIPIENT,
  handoverVault,
  readyHandover,
  recipientFiles,
  signReceipt,
  type HandoverVault,
  type RecipientFiles,
} from '../handover/handover-support';

jest.setTimeout(240_000);

let h: HandoverVault;
let handoverId: string;
let destroy: number[];
let recipient: RecipientFiles;
let elsewhere: ReturnType<typeof tempDir>;
let packagePath: string;
let certDir: string;

beforeAll(async () => {
  h = await handoverVault(60, 2);
  destroy = h.stored.map((s) => s.id).filter((id) => !h.destined.includes(id));
  unwrap(await h.v.engine.call('dispositions.set', { ids: destroy, set: { disposition: 'DESTROY' } }));
  unwrap(await h.v.engine.call('classification.run', {}));
  elsewhere = tempDir('closeout-elsewhere-');
  const backup = unwrap(await h.v.engine.call('backup.create', { dir: { path: elsewhere.path } }));
  unwrap(await h.v.engine.call('backup.drill', { backup: { backupId: backup.backupId } }));
}, 240_000);
afterAll(async () => {
  await h.v.remove();
  elsewhere.remove();
});

const call = ((...args: Parameters<HandoverVault['v']['engine']['call']>) =>
  h.v.engine.call(...args)) as HandoverVault['v']['engine']['call'];
const checklist = async (): Promise<Checklist> => unwrap(await call('compliance.checklist', {}));
const plan = async (): Promise<ClosurePlan> => unwrap(await call('plan.get', {}));
const item = (c: Checklist, id: string) => c.items.find((i) => i.id === id)!;
const step = (p: ClosurePlan, id: string) => p.steps.find((s) => s.id === id)!;
const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const codes = (p: ClosurePlan, id: string) => step(p, id).blockers.map((b) => b.code);

describe('handover and wipe evidence in the compliance centre', () => {
  it('before any handover: the route is answered by hand and the plan waits for a confirmation', async () => {
    expect(item(await checklist(), 'pipl-23-route').status).toBe('open');
    expect(step(await plan(), 'notify').source).toBe('not-evaluated');
  });

  it('a handover made ready: route, vetting and agreement met; notices issued but not sent block Notify', async () => {
    recipient = await recipientFiles(h.v.dir);
    handoverId = await readyHandover(h.v, { keyMode: 'certificate', certificate: recipient.certificate });
    const c = await checklist();
    expect(item(c, 'pipl-23-route')).toMatchObject({ status: 'met' });
    expect(item(c, 'pipl-23-route').evidence.en).toContain('vetting and a signed agreement');
    expect(item(c, 'pipl-17-notice').status).toBe('not-met');
    expect(item(c, 'pipl-17-notice').evidence.en).toContain(`${h.destined.length} customers`);
    const p = await plan();
    expect(step(p, 'notify').source).toBe('evidence');
    expect(step(p, 'notify').state).not.toBe('done');
    expect(codes(p, 'notify')).toEqual(['notices-pending']);
    const confirmed = await call('plan.confirm', { step: 'notify', note: 'letters posted' });
    expect(confirmed.ok ? 'ok' : confirmed.error.code).toBe('PLAN_STEP_EVALUATED');
  });

  it('notices sent and an objection recorded: Notify done; the package is built', async () => {
    unwrap(
      await call('handover.track', { handoverId, recordIds: h.destined, status: 'sent', channel: 'letter' }),
    );
    unwrap(await call('handover.respond', { handoverId, recordId: h.destined[0], kind: 'objection' }));
    const c = await checklist();
    expect(item(c, 'pipl-17-notice').status).toBe('met');
    let p = await plan();
    expect(step(p, 'notify').state).toBe('done');
    expect(step(p, 'notify').summary.en).toContain(`${h.destined.length} notified, 1 objected`);
    expect(codes(p, 'handover')).toEqual(['receipts-missing']);
    packagePath = unwrap(await call('handover.package', { handoverId, out: { path: h.v.dir } })).path;
    p = await plan();
    expect(step(p, 'handover').summary.en).toBe('1 handovers, 1 packaged, 0 receipts');
    // One writer of the stage, the plan: in the vault and in the registry the Dashboard reads locked.
    expect(p.stage).toBe('handover');
    expect(unwrap(await call('vault.info', {})).stage).toBe('handover');
    expect(readRegistry(h.v.dataDir)[0]).toMatchObject({ stage: 'handover', blockers: p.blockers });
    expect(codes(p, 'certify')).toContain('receipts-missing');
  });

  it('the receipt imported: Hand over done from evidence; objections honoured', async () => {
    const receipt = await signReceipt(h.v, packagePath, recipient);
    unwrap(await call('handover.receiptImport', { handoverId, receipt: { path: receipt } }));
    const p = await plan();
    expect(step(p, 'handover')).toMatchObject({ state: 'done', source: 'evidence' });
    expect(codes(p, 'notify')).toEqual([]); // no objector was packaged
    expect(step(p, 'handover').summary.en).toBe('1 handovers, 1 packaged, 1 receipts');
    expect(codes(p, 'certify')).toEqual(['destroy-pending']);
    expect(readRegistry(h.v.dataDir)[0].stage).toBe('destruction');
  });

  it('the records wipe: DESTROY records purged and verified, its certificate counted; Certify possible', async () => {
    let c = await checklist();
    expect(item(c, 'pipl-47-deletion').status).toBe('not-met');
    certDir = join(h.v.dir, 'certificates');
    mkdirSync(certDir);
    const wiped = unwrap(await call('wipe.records', { certificateDir: { path: certDir } }));
    expect(wiped.verification?.ok).toBe(true);
    c = await checklist();
    expect(item(c, 'pipl-47-deletion')).toMatchObject({ status: 'met' });
    expect(item(c, 'pipl-47-deletion').evidence.en).toContain('1 certificate of sanitisation');
    expect(item(c, 'ccpa-81-disposal').status).not.toBe('open');
    const p = await plan();
    expect(step(p, 'wipe')).toMatchObject({ state: 'done' });
    expect(step(p, 'wipe').summary.en).toContain(`${wiped.purged.records} deleted, 1 certificates`);
    expect(p.canCertify).toBe(true);
    // The record of processing lists the transfer and the deletion, from the audit chain, once each.
    const activities = unwrap(await call('ropa.get', {})).activities;
    expect(activities.find((a) => a.op === 'handover.package')).toMatchObject({ kind: 'transfer', times: 1 });
    const purge = activities.find((a) => a.op === 'wipe.records')!;
    expect(purge).toMatchObject({ kind: 'deletion', times: 1 });
    expect(purge.counts.destroyed).toBeGreaterThan(0);
  });

  it('the evidence pack holds the handover and the wipe: openssl, tar and sha256sum check it', async () => {
    // The closure-wide PIPIA includes the handover's own by reference.
    const body = unwrap(await call('assessments.get', { kind: 'pipia' })).body;
    const saved = unwrap(await call('assessments.save', { kind: 'pipia', body }));
    expect(saved.facts.handoverPipias).toEqual([
      expect.objectContaining({ handoverId, recipient: RECIPIENT, current: true }),
    ]);
    const out = join(elsewhere.path, 'pack');
    const pack = unwrap(await call('evidence.pack', { dir: { path: out } }));
    const companyPem = join(
      certDir,
      readdirSync(certDir).find((f) => f.endsWith('.company.pem'))!,
    );
    const { bag, sha256sum } = checkPackWithDebianTools(pack.path, join(out, 'unpacked'), companyPem);
    const dir = `data/handover/${handoverId}`;
    for (const file of [
      `${dir}/handover.json`,
      `${dir}/pipia.json`,
      `${dir}/pipia.pdf`,
      'data/wipe/paper-log.json',
    ])
      expect(sha256sum).toContain(`${file}: OK`);
    expect(sha256sum).toMatch(/packages\/\d+-[0-9a-f]{12}\.manifest\.json: OK/);
    const pipiaText = run('pdftotext', [join(bag, 'data/assessments/pipia.pdf'), '-']).out;
    expect(pipiaText).toContain('Per-handover PIPIAs');
    expect(pipiaText).toContain(RECIPIENT);
    const [receipt] = readdirSync(join(bag, dir, 'receipts'));
    const signedReceipt = opensslVerifyAttached(join(bag, dir, 'receipts', receipt), recipient.certificate);
    expect(signedReceipt.out).toContain('Verification successful');
    const index = JSON.parse(readFileSync(join(bag, 'data/wipe/certificates.json'), 'utf8')) as Array<{
      wipeId: string;
      sha256: string;
      included: string | null;
    }>;
    expect(index).toHaveLength(1);
    const cert = join(bag, index[0].included!);
    expect(sha256File(join(cert, 'certificate.json'))).toBe(index[0].sha256);
    expect(
      opensslCmsVerify({
        content: join(cert, 'certificate.json'),
        signature: join(cert, 'certificate.json.p7s'),
        certificate: join(cert, 'company.pem'),
      }).status,
    ).toBe(0);
    expect(readdirSync(cert).sort()).toEqual([
      'certificate.json',
      'certificate.json.p7s',
      'certificate.pdf',
      'company.pem',
      'deletion-manifest.json',
    ]);
    const contents = JSON.parse(readFileSync(join(bag, 'data/contents.json'), 'utf8')) as {
      personalData: string;
      included: string[];
    };
    expect(contents.personalData).toBe('none');
    expect(contents.included).toContain('data/incidents/register.json');
    // No customer's value in the handover section: the destined customers' names appear nowhere.
    const handoverJson = readFileSync(join(bag, dir, 'handover.json'), 'utf8');
    for (const s of h.stored.slice(0, 10))
      if (s.columns.name) expect(handoverJson).not.toContain(s.columns.name);
  });
});

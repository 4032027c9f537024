// The closure plan on a real vault: the steps follow the evidence, the registry shows a locked vault's
// stage, next deadline and blockers, certification is refused (changing nothing) until the four conditions
// hold and then leaves a signed checkpoint; the risk register detects what the vault shows.
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { addDays } from '../../../../shared/calendar/working-days';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { OWNER_PASS } from '../../support/vault-fixture';
import { backupAndDrill, closureVault, type ClosureFixture } from '../../support/closure-fixture';

jest.setTimeout(240_000);

let v: ClosureFixture;
beforeAll(async () => {
  v = await closureVault(120, 11);
});
afterAll(() => v.remove());

const today = () => new Date().toISOString().slice(0, 10);
const registry = async () =>
  (await v.call('vault.list', {})).find((e) => e.id === v.created.session.vaultId)!;
const relock = async () => {
  await v.call('vault.lock', {});
  await v.call('vault.unlock', { vault: { path: v.file }, userName: 'owner', passphrase: OWNER_PASS });
};

describe('closure plan', () => {
  it('after the import, dispositions are the current step; the registry shows the stage and blockers', async () => {
    const plan = await v.call('plan.get', {});
    const by = Object.fromEntries(plan.steps.map((s) => [s.id, s]));
    expect(by.intake.state).toBe('done');
    expect(by.classify.state).toBe('done');
    expect(plan.current).toBe('dispositions');
    expect(plan.nextAction).toMatchObject({ step: 'dispositions', route: 'dispositions' });
    expect(by.dispositions.blockers[0]).toMatchObject({ code: 'without-disposition' });
    expect(by.dispositions.blockers[0].text.en).toContain('120');
    expect(await registry()).toMatchObject({ stage: 'review', blockers: plan.blockers, nextDeadline: null });
  });

  it('key dates from the decision date; the locked vault’s next deadline is in the registry', async () => {
    const decision = addDays(today(), -3);
    await v.call('vault.updateDetails', { keyDates: { decisionDate: decision } });
    const plan = await v.call('plan.get', {});
    const group = plan.keyDates.find((d) => d.kind === 'liquidation-group')!;
    expect(group.type).toBe('due');
    expect(group.daysLeft).toBeGreaterThanOrEqual(12);
    expect(plan.nextDeadline?.kind).toBe('liquidation-group');
    await relock();
    expect((await registry()).nextDeadline).toEqual({ kind: 'liquidation-group', date: group.date });
  });

  it('certify is refused while anything blocks it, and nothing changes', async () => {
    const before = (await v.call('audit.verify', {})).entries;
    const refused = await v.engine.call('plan.certify', {});
    expect(refused.ok ? 'ok' : refused.error.code).toBe('PLAN_NOT_READY');
    expect(refused.ok ? '' : refused.error.message).toContain('without a disposition');
    expect((await v.call('audit.verify', {})).entries).toBe(before);
    expect((await v.call('plan.get', {})).certified).toBeNull();
  });

  it('a transfer waits for the handover to be confirmed by hand until the handover records it', async () => {
    await v.call('dispositions.apply', {
      rules: [
        { when: { region: 'overseas' }, set: { disposition: 'TRANSFER', recipient: '宁波承接贸易有限公司' } },
        { when: {}, set: { disposition: 'RETAIN', preset: 'accounting-30y' } },
      ],
    });
    await backupAndDrill(v);
    let plan = await v.call('plan.get', {});
    expect(plan.current).toBe('notify');
    expect(plan.steps.find((s) => s.id === 'handover')).toMatchObject({ source: 'not-evaluated' });
    expect(plan.canCertify).toBe(false);
    await v.call('plan.confirm', { step: 'notify', note: '已于 11 月寄出通知信 412 封' });
    plan = await v.call('plan.confirm', { step: 'handover', note: '承接方已签收，回执原件存档' });
    expect(plan.steps.find((s) => s.id === 'handover')).toMatchObject({ state: 'done', source: 'hand' });
    expect(plan.canCertify).toBe(true);
    const evaluated = await v.engine.call('plan.confirm', { step: 'notify', note: 'again' });
    expect(evaluated.ok).toBe(true); // still a hand step while the handover feature records nothing
  });

  it('certifies once every condition holds: stage certified, a signed checkpoint, the registry follows', async () => {
    const plan = await v.call('plan.certify', {});
    expect(plan.stage).toBe('certified');
    expect(plan.certified?.by).toBe('owner');
    expect((await registry()).stage).toBe('certified');
    const [entry] = await v.call('audit.list', { op: 'plan.certify' });
    const checkpoint = await (async () => {
      await v.call('vault.lock', {});
      const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
      try {
        return db.prepare('SELECT seq, reason FROM audit_checkpoints WHERE seq = ?').get(entry.seq);
      } finally {
        db.close();
        await v.call('vault.unlock', { vault: { path: v.file }, userName: 'owner', passphrase: OWNER_PASS });
      }
    })();
    expect(checkpoint).toEqual({ seq: entry.seq, reason: 'plan.certify' });
    const again = await v.engine.call('plan.setDates', { objectionDeadline: '2030-01-01' });
    expect(again.ok ? 'ok' : again.error.code).toBe('PLAN_CERTIFIED');
    const history = await v.call('plan.history', {});
    expect(history.at(-1)).toMatchObject({
      day: today(),
      stage: 'certified',
      counts: { customers: 120, withoutDisposition: 0 },
    });
  });

  it('the risk register holds the guide’s risks and detects what the vault shows', async () => {
    await v.call('users.add', { name: 'clerk', role: 'operator', passphrase: 'k7q2m9x4p1' }); // accepted (score 2), but not strong
    const risks = await v.call('risks.list', {});
    const ids = risks.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['guide-leakage', 'guide-damage', 'guide-legal']));
    const weak = risks.find((r) => r.id === 'detected-weak-passphrase')!;
    expect(weak).toMatchObject({ detected: true, status: 'open' });
    expect(weak.finding?.en).toContain('clerk');
    expect(risks.find((r) => r.id === 'detected-same-disk')).toMatchObject({ detected: true });
    expect(risks.find((r) => r.id === 'detected-no-drill')).toMatchObject({
      detected: false,
      status: 'closed',
    });
    expect(risks.find((r) => r.id === 'detected-plaintext-sources')).toMatchObject({ detected: true });

    const treated = await v.call('risks.update', {
      id: 'guide-leakage',
      owner: '王芳',
      treatment: '全部电脑加密',
      status: 'treating',
      impact: 5,
    });
    expect(treated).toMatchObject({
      owner: '王芳',
      status: 'treating',
      likelihood: 3,
      impact: 5,
      score: 15,
      level: 'high',
    });
    const added = await v.call('risks.add', {
      title: '纸质档案存放于无锁柜',
      category: 'leakage',
      likelihood: 2,
      impact: 3,
      owner: '陈立',
    });
    expect(added).toMatchObject({ source: 'manual', score: 6, level: 'low', status: 'open' });
    const missing = await v.engine.call('risks.update', { id: 'no-such-risk', status: 'closed' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('RISK_NOT_FOUND');
  });
});

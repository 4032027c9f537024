// On a real vault, checklist items flip as their evidence appears: records imported and classified, every
// record given a disposition, a backup drilled, the PIPIA approved, people trained; items the vault holds
// no evidence for are answered by hand with a note and an evidence file (hashed, kept inside the vault);
// bad answers change nothing.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssessmentBody, Checklist } from '../../../../shared/contract';
import { backupAndDrill, closureVault, type ClosureFixture } from '../../support/closure-fixture';

jest.setTimeout(240_000);

let v: ClosureFixture;
beforeAll(async () => {
  v = await closureVault();
});
afterAll(() => v.remove());

const status = (c: Checklist, id: string) => c.items.find((i) => i.id === id)?.status;
const checklist = () => v.call('compliance.checklist', {});
const auditCount = async () => (await v.call('audit.verify', {})).entries;

const BODY: AssessmentBody = {
  purposes: '善后：依法保存会计资料，移交承继方，其余销毁。',
  lawfulness: '第十三条第一款第三项：履行法定义务；第二十二条：因解散转移。',
  impact: '移交和保存期间可能泄露；影响有限。',
  likelihood: 2,
  severity: 3,
  measures: '加密保险库、角色、审计链、异盘备份。',
  proportionality: '措施与风险相适应。',
  conclusion: '可以进行。',
  residualRisk: 'low',
  dpoAdvice: '',
  reviewDate: null,
};

describe('checklist items flip as evidence appears', () => {
  it('proposes GDPR from the EU residents among the records', async () => {
    const c = await checklist();
    const gdpr = c.applicability.find((a) => a.regime === 'gdpr')!;
    expect(gdpr).toMatchObject({ proposed: true, applicable: true, decided: false });
    expect(gdpr.reason.en).toMatch(/\d+ records place the customer in the EU/);
    expect(c.items.some((i) => i.regime === 'gdpr')).toBe(true);
  });

  it('encryption is met from the vault format; classification met after the import', async () => {
    const c = await checklist();
    expect(status(c, 'pipl-51-encryption')).toBe('met');
    expect(c.items.find((i) => i.id === 'pipl-51-encryption')!.source).toBe('evidence');
    expect(status(c, 'pipl-28-sensitive')).toBe('met');
    expect(status(c, 'iso-8.12')).toBe('not-met'); // the plaintext CSV is still on disk
  });

  it('deletion, PIPIA and backup items are not met until their evidence exists', async () => {
    let c = await checklist();
    expect(status(c, 'pipl-47-deletion')).toBe('not-met');
    expect(status(c, 'iso-8.13')).toBe('not-met');
    expect(status(c, 'gdpr-32-restore')).toBe('not-met');
    expect(status(c, 'pipl-55-pipia')).toBe('not-met');

    await v.call('dispositions.apply', {
      rules: [
        { when: { flags: { stale: true } }, set: { disposition: 'DESTROY' } },
        { when: {}, set: { disposition: 'RETAIN', preset: 'accounting-30y' } },
      ],
    });
    c = await checklist();
    const deletion = c.items.find((i) => i.id === 'pipl-47-deletion')!;
    expect(deletion.status).toBe('not-met');
    expect(deletion.evidence.en).toMatch(/\d+ records? marked DESTROY (is|are) still in the vault/);
    expect(status(c, 'pipl-13-basis')).toBe('met');

    await v.call('dispositions.apply', {
      rules: [{ when: {}, set: { disposition: 'RETAIN', preset: 'tax-10y' } }],
    });
    c = await checklist();
    expect(status(c, 'pipl-47-deletion')).toBe('met');

    await backupAndDrill(v);
    c = await checklist();
    expect(status(c, 'gdpr-32-restore')).toBe('met');
    // The test's folders all live on one disk: the backup is drilled, but it would die with the vault.
    const backup = c.items.find((i) => i.id === 'iso-8.13')!;
    expect(backup.status).toBe('not-met');
    expect(backup.evidence.en).toContain("on the vault's own disk");

    await v.call('assessments.save', { kind: 'pipia', body: BODY });
    c = await checklist();
    expect(status(c, 'pipl-55-pipia')).toBe('not-met'); // a draft is not an approval
    const approved = await v.call('assessments.approve', { kind: 'pipia' });
    expect(approved.status).toBe('approved');
    c = await checklist();
    expect(status(c, 'pipl-55-pipia')).toBe('met');
  });

  it('training: not met until everyone in the closure attended a session', async () => {
    const a = await v.call('people.save', { name: '王芳', duty: 'custodian', contact: '0571-12345678' });
    const b = await v.call('people.save', { name: '陈立', duty: 'accountant' });
    await v.call('people.addTraining', {
      heldOn: '2026-01-05',
      topic: '个人信息保护',
      trainer: '王芳',
      attendees: [a.id],
    });
    let c = await checklist();
    expect(status(c, 'pipl-51-training')).toBe('not-met');
    await v.call('people.addTraining', {
      heldOn: new Date().toISOString().slice(0, 10),
      topic: '善后保密',
      trainer: '王芳',
      attendees: [a.id, b.id],
    });
    c = await checklist();
    expect(status(c, 'pipl-51-training')).toBe('met');
  });

  it('answers by hand what the vault cannot tell, with an evidence file hashed and stored inside the vault', async () => {
    const before = await checklist();
    expect(status(before, 'iso-5.10')).toBe('open');
    const plan = join(v.dir, '设备收回清单.pdf');
    const bytes = Buffer.from('%PDF-1.4 devices and media returned, signed by the director\n');
    writeFileSync(plan, bytes);
    const item = await v.call('compliance.answer', {
      itemId: 'iso-5.10',
      status: 'met',
      note: '离职员工的笔记本电脑和移动硬盘已于 2026 年 1 月收回',
      file: { path: plan },
    });
    expect(item).toMatchObject({ status: 'met', source: 'hand' });
    expect(item.answer?.file).toMatchObject({
      name: '设备收回清单.pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const after = await checklist();
    expect(after.summary.open).toBe(before.summary.open - 1);
    expect(after.summary.met).toBe(before.summary.met + 1);
  });

  it('refuses a hand answer on an item decided from evidence, and one with an unreadable file; nothing changes', async () => {
    const entries = await auditCount();
    const evaluated = await v.engine.call('compliance.answer', {
      itemId: 'pipl-51-encryption',
      status: 'not-met',
      note: 'disagree',
    });
    expect(evaluated.ok ? 'ok' : evaluated.error.code).toBe('CHECKLIST_ITEM_EVALUATED');
    // The incident items are read from the incident register now, not answered by hand.
    expect(status(await checklist(), 'pipl-57-incidents')).toBe('not-applicable');
    const incidents = await v.engine.call('compliance.answer', {
      itemId: 'pipl-57-incidents',
      status: 'met',
      note: 'no incident',
    });
    expect(incidents.ok ? 'ok' : incidents.error.code).toBe('CHECKLIST_ITEM_EVALUATED');
    const missing = await v.engine.call('compliance.answer', {
      itemId: 'iso-5.10',
      status: 'met',
      note: 'n',
      file: { path: join(v.dir, 'no-such.pdf') },
    });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('FILE_UNREADABLE');
    const unknown = await v.engine.call('compliance.answer', { itemId: 'pipl-99', status: 'met', note: 'n' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('CHECKLIST_ITEM_UNKNOWN');
    expect(status(await checklist(), 'iso-5.10')).toBe('met');
    expect(await auditCount()).toBe(entries);
  });

  it("the company's own items are answered by hand, and applicability answered once takes GDPR out", async () => {
    const item = await v.call('compliance.saveItem', {
      title: '客户档案须经两人复核后销毁',
      description: '公司制度第 7 条',
    });
    expect(item).toMatchObject({ regime: 'company', status: 'open' });
    await v.call('compliance.answer', { itemId: item.id, status: 'met', note: '已复核' });
    const c = await v.call('compliance.setApplicability', {
      pipl: true,
      gdpr: false,
      ccpa: false,
      iso27001: true,
    });
    expect(c.items.some((i) => i.regime === 'gdpr')).toBe(false);
    expect(c.items.find((i) => i.id === item.id)).toMatchObject({ status: 'met', source: 'hand' });
    expect(c.applicability.find((a) => a.regime === 'gdpr')).toMatchObject({
      applicable: false,
      decided: true,
    });
  });
});

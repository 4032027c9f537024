// The compliance centre's documents as people and tools read them: the signed compliance report, the
// PIPIA, the record of processing and a confidentiality undertaking render (pdftoppm), carry Chinese and
// English text (pdftotext), and their JSON verifies with openssl against the company certificate.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AssessmentBody } from '../../../../shared/contract';
import { opensslCmsVerify } from '../../support/openssl';
import { closureVault, type ClosureFixture } from '../../support/closure-fixture';

jest.setTimeout(240_000);

let v: ClosureFixture;
let companyPem: string;
beforeAll(async () => {
  v = await closureVault(80, 5);
  const exported = await v.call('audit.export', { dir: { path: join(v.elsewhere, 'audit') } });
  companyPem = exported.files.find((f) => f.endsWith('.certificate.pem'))!;
});
afterAll(() => v.remove());

const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;

function renders(file: string, out: string): void {
  const r = spawnSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-png', file, out], {
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  const page = readdirSync(join(out, '..')).find(
    (n) => n.startsWith(out.split('/').pop()!) && n.endsWith('.png'),
  );
  expect(page).toBeDefined();
  expect(statSync(join(out, '..', page!)).size).toBeGreaterThan(2000);
}

describe('documents', () => {
  it('the compliance report: PDF in Chinese and English, JSON signed, every item with its article', async () => {
    const dir = join(v.elsewhere, 'report');
    const files = await v.call('compliance.report', { dir: { path: dir }, regimes: ['pipl', 'iso27001'] });
    const text = pdfText(files.pdf);
    expect(text).toContain('合规报告');
    expect(text).toContain('Compliance report');
    expect(text).toContain('PIPL Art. 51(3)');
    expect(text).toContain('采取加密等安全技术措施');
    expect(text).toContain('A.8.13');
    expect(text).toContain('信息备份');
    renders(files.pdf, join(dir, 'page'));
    expect(
      opensslCmsVerify({ content: files.json, signature: files.signature, certificate: companyPem }).status,
    ).toBe(0);
    const json = JSON.parse(readFileSync(files.json, 'utf8'));
    expect(json).toMatchObject({
      format: 'closeout-compliance-report',
      version: 1,
      regimes: ['pipl', 'iso27001'],
    });
    expect(json.items.every((i: { article: string }) => i.article.length > 3)).toBe(true);
    expect(json.items.find((i: { id: string }) => i.id === 'pipl-51-encryption')).toMatchObject({
      status: 'met',
      source: 'evidence',
    });
    // The same second again: a second report beside the first, not an error.
    const again = await v.call('compliance.report', { dir: { path: dir }, regimes: ['pipl', 'iso27001'] });
    expect(again.pdf).not.toBe(files.pdf);
    expect(existsSync(files.pdf)).toBe(true);
  });

  it('the PIPIA: cannot be approved with empty sections; written, it renders in both languages', async () => {
    const empty: AssessmentBody = {
      purposes: 'p',
      lawfulness: '',
      impact: '',
      likelihood: 2,
      severity: 2,
      measures: '',
      proportionality: '',
      conclusion: '',
      residualRisk: 'medium',
      dpoAdvice: '',
      reviewDate: null,
    };
    await v.call('assessments.save', { kind: 'pipia', body: empty });
    const refused = await v.engine.call('assessments.approve', { kind: 'pipia' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('ASSESSMENT_INCOMPLETE');
    expect((await v.call('assessments.get', { kind: 'pipia' })).status).toBe('draft');
    const prefilled = await v.call('assessments.get', { kind: 'pipia' });
    expect(prefilled.facts.customers).toBe(80);
    expect(prefilled.facts.measures.length).toBeGreaterThan(1);
    const dir = join(v.elsewhere, 'pipia');
    const files = await v.call('assessments.write', { kind: 'pipia', dir: { path: dir } });
    const text = pdfText(files.pdf);
    expect(text).toContain('个人信息保护影响评估报告');
    expect(text).toContain('Personal information protection impact assessment');
    renders(files.pdf, join(dir, 'page'));
    expect(
      opensslCmsVerify({ content: files.json, signature: files.signature, certificate: companyPem }).status,
    ).toBe(0);
  });

  it('the record of processing lists what the vault did, with a CSV for Excel', async () => {
    const dir = join(v.elsewhere, 'ropa');
    const files = await v.call('ropa.write', { dir: { path: dir } });
    const text = pdfText(files.pdf);
    expect(text).toContain('处理活动记录');
    expect(text).toContain('Record of processing activities');
    expect(text).toContain('customers.csv');
    const csv = readFileSync(files.csv, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('import.run');
    expect(csv).toContain('导入客户文件');
    const ropa = await v.call('ropa.get', {});
    expect(ropa.activities.find((a) => a.op === 'import.run')).toMatchObject({
      kind: 'collection',
      times: 1,
      counts: { imported: 80 },
    });
    expect(ropa.sources[0]).toMatchObject({ name: 'customers.csv', imported: 80 });
    renders(files.pdf, join(dir, 'page'));
  });

  it("a person's confidentiality undertaking, ready to sign", async () => {
    const person = await v.call('people.save', {
      name: '欧阳清算',
      duty: 'liquidator',
      organisation: '某某会计师事务所',
    });
    const out = join(v.elsewhere, 'undertaking.pdf');
    await v.call('people.writeUndertaking', { id: person.id, out: { path: out } });
    const text = pdfText(out);
    expect(text).toContain('保密承诺书');
    expect(text).toContain('Confidentiality undertaking');
    expect(text).toContain('欧阳清算');
    expect(text).toContain('清算组成员');
    const again = await v.engine.call('people.writeUndertaking', { id: person.id, out: { path: out } });
    expect(again.ok ? 'ok' : again.error.code).toBe('FILE_EXISTS');
  });
});

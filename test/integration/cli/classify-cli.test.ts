// classify, dispose, stats and rules as a script runs them: JSON out with counts matching the
// generator's truth, a dry run that changes nothing, and one error line with exit 2 for a bad rule.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDay } from '../../../electron/core/classification/classify';
import { yearsBefore } from '../../../shared/classification/stale';
import { DEFAULT_RULES } from '../../../shared/classification/default-rules';
import { generateCustomers } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, tempDir } from '../helpers';

jest.setTimeout(120_000);

const PASS = 'Script-owner-passphrase-7';
const N = 400;
const TODAY = localDay(new Date());
const customers = [...generateCustomers(77, N, { asOf: TODAY })];
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect({ args, stderr: res.stderr, status: res.status }).toEqual({ args, stderr: '', status: 0 });
  return JSON.parse(res.stdout);
};
const stale = (years: number) =>
  customers.filter((c) => c.truth.lastOrderDate !== null && c.truth.lastOrderDate < yearsBefore(TODAY, years))
    .length;

beforeAll(() => {
  dir = tempDir('closeout-qcli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  mkdirSync(join(dir.path, 'vaults'));
  vault = join(dir.path, 'vaults', 'acme.cvault');
  const keyFile = join(dir.path, 'recovery.txt');
  const created = runCli(
    [
      'vault',
      'create',
      vault,
      '--client',
      '深圳示例科技有限公司',
      '--owner',
      'boss',
      '--recovery-key-out',
      keyFile,
    ],
    env,
  );
  expect(created.status).toBe(0);
  const csv = join(dir.path, 'customers.csv');
  writeFileSync(csv, encodeCsv(customers.map((c) => c.row)));
  json(['import', vault, csv]);
});
afterAll(() => dir.remove());

describe('closeout classify / stats / dispose / rules (CLI)', () => {
  it('stats after the import: types and stale counts from the truth', () => {
    const stats = json(['stats', vault]);
    expect(stats).toMatchObject({
      customers: N,
      type: { business: customers.filter((c) => c.truth.kind === 'business').length },
      flags: { stale: stale(3) },
      disposition: { none: N },
      rulesVersion: 1,
    });
  });

  it('rules get, rules set --reclassify, classify', () => {
    const rules = json(['rules', 'get', vault]);
    expect(rules.current).toMatchObject({ version: 1, body: DEFAULT_RULES });
    const file = join(dir.path, 'rules.json');
    writeFileSync(file, JSON.stringify({ ...rules.current.body, staleYears: 6 }));
    expect(json(['rules', 'set', vault, file, '--reclassify', '--note', 'six years'])).toEqual({
      version: 2,
      reclassified: N,
    });
    expect(json(['stats', vault]).flags.stale).toBe(stale(6));
    expect(json(['classify', vault])).toEqual({
      classified: N,
      rulesVersion: 2,
      savedRules: false,
      staleReference: { date: TODAY, source: 'today', years: 6, before: yearsBefore(TODAY, 6) },
    });
    // Rules given to classify are stored first; `rules get --json` output is accepted as a rules file.
    writeFileSync(
      file,
      JSON.stringify({
        ...rules,
        current: { ...rules.current, body: { ...rules.current.body, staleYears: 3 } },
      }),
    );
    expect(json(['classify', vault, '--rules', file])).toMatchObject({
      classified: N,
      rulesVersion: 3,
      savedRules: true,
      staleReference: { date: TODAY, source: 'today', years: 3 },
    });
    expect(json(['stats', vault]).flags.stale).toBe(stale(3));
  });

  it('stale is measured from the closure decision date once the vault has one, and classify says so', () => {
    const decision = yearsBefore(TODAY, 2);
    const staleFrom = (day: string) =>
      customers.filter((c) => c.truth.lastOrderDate !== null && c.truth.lastOrderDate < yearsBefore(day, 3))
        .length;
    expect(staleFrom(decision)).toBeLessThan(stale(3));
    json([
      'vault',
      'updateDetails',
      vault,
      '--input',
      JSON.stringify({ keyDates: { decisionDate: decision } }),
    ]);
    const reference = { date: decision, source: 'decision', years: 3, before: yearsBefore(decision, 3) };
    expect(json(['rules', 'get', vault]).staleReference).toEqual(reference);
    expect(json(['classify', vault]).staleReference).toEqual(reference);
    expect(json(['stats', vault]).flags.stale).toBe(staleFrom(decision));
    for (const [lang, words] of [
      [
        'en',
        `stale: no order since ${reference.before} (3 years before the closure decision date, ${decision})`,
      ],
      ['zh-CN', `不活跃：${reference.before} 之后无交易（结业决议日期 ${decision} 之前 3 年）`],
    ]) {
      const human = runCli(['classify', vault], { ...env, CLOSEOUT_LANG: lang });
      expect({ status: human.status, stderr: human.stderr }).toEqual({ status: 0, stderr: '' });
      expect(human.stdout).toContain(words);
    }
    // Back to today for the tests after this one.
    json(['vault', 'updateDetails', vault, '--input', JSON.stringify({ keyDates: { decisionDate: null } })]);
    expect(json(['classify', vault]).staleReference.source).toBe('today');
  });

  it('dispose: a dry run changes nothing; rules leave no record without a disposition', () => {
    const dry = json(['dispose', vault, '--rule', 'stale=DESTROY', '--dry-run']);
    expect(dry).toMatchObject({ dryRun: true, rules: [{ index: 0, matched: stale(3) }] });
    expect(json(['stats', vault]).disposition.none).toBe(N);
    const rulesFile = join(dir.path, 'dispose.json');
    writeFileSync(
      rulesFile,
      JSON.stringify([{ when: { disposition: null }, set: { disposition: 'ANONYMISE' } }]),
    );
    const done = json([
      'dispose',
      vault,
      '--rule',
      'stale=DESTROY',
      '--rule',
      'type:business=RETAIN:tax-10y',
      '--rule',
      rulesFile,
    ]);
    expect(done.disposition).toMatchObject({ none: 0, DESTROY: stale(3) });
    expect(json(['stats', vault]).disposition).toEqual(done.disposition);
  });

  it('dispose set and records override by hand, through the generic --input form', () => {
    const set = json([
      'dispose',
      'set',
      vault,
      '--input',
      JSON.stringify({ ids: [1], set: { disposition: 'TRANSFER', recipient: '承接方有限公司' } }),
    ]);
    expect(set).toEqual({ updated: 1 });
    const over = json([
      'records',
      'override',
      vault,
      '--input',
      JSON.stringify({ ids: [1], set: { type: 'business' } }),
    ]);
    expect(over).toEqual({ updated: 1 });
    const stats = json(['stats', vault]);
    expect(stats.disposition.TRANSFER).toBe(1);
    expect(stats.type.business).toBe(
      customers.filter((c) => c.truth.kind === 'business').length +
        (customers[0].truth.kind === 'business' ? 0 : 1),
    );
  });

  it('rules products lists the values with counts; rules product files values in bulk (the product review)', () => {
    const before = json(['rules', 'products', vault]);
    expect(before.records).toBe(customers.filter((c) => c.row.product).length);
    expect(before.values.reduce((a: number, v: { records: number }) => a + v.records, 0)).toBe(
      before.records,
    );
    const values = before.values.slice(0, 2).map((v: { value: string }) => v.value);
    const saved = json([
      'rules',
      'product',
      vault,
      'consulting',
      ...values.flatMap((v: string) => ['--value', v]),
    ]);
    expect(saved).toMatchObject({ rules: 2, reclassified: N });
    const after = json(['rules', 'products', vault, '--limit', '2']);
    expect(after.values.map((v: { rule: string }) => v.rule)).toEqual(['consulting', 'consulting']);
    expect(after.omitted).toBe(before.distinct - 2);
    // A category nobody knows: one error line, nothing stored.
    const res = runCli(['rules', 'product', vault, 'no-such', '--value', values[0], '--json'], env);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/^closeout: INVALID_INPUT: .*no-such/);
    expect(json(['rules', 'get', vault]).current.version).toBe(saved.version);
  });

  it('a rule it cannot read: one error line, exit 2, nothing changed', () => {
    const res = runCli(['dispose', vault, '--rule', 'stale=BURN', '--json'], env);
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^closeout: INVALID_INPUT: .*stale=BURN/);
  });
});

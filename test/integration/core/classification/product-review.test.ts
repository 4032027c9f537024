// The product review on a real vault, on the messy generator's sales list (kind 12: product values as
// small businesses write them, each with the category a person would give): how many records the rules
// and the taxonomy leave unmatched before the review (at most 10 %), filing the rest in bulk as product
// rules (none after it), the rules reused by a later import in another spelling, a changed suggestion,
// an unknown category refused, a rule removed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductReview } from '../../../../shared/contract';
import { productsCsv } from '../../../fixtures/messy';
import { unwrap } from '../../support/vault-fixture';
import { useMessyVault } from '../import/messy/support';

jest.setTimeout(300_000);

const m = useMessyVault();
const review = async (unmatchedOnly = false): Promise<ProductReview> =>
  unwrap(await m.v.engine.call('classification.products', { limit: 10_000, unmatchedOnly }));
const version = async () => unwrap(await m.v.engine.call('classification.rules', {})).current.version;
const categoryOfRow = async (sourceId: string) =>
  unwrap(await m.v.engine.call('records.query', { limit: 10, filter: { sourceId } })).records[0].category;

describe('product review', () => {
  const file = productsCsv(1, { rows: 600 });
  /** The category a person gives each value written in the file (the generator's key). */
  const personal = new Map(
    file.key.customers.flatMap((c) => (c.product ? [[c.product.value, c.product.categoryId]] : [])),
  );

  it('before the review: at most 10 % of the records with a product value are unmatched', async () => {
    const path = m.write(file, 'sales');
    unwrap(await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }));
    const r = await review();
    expect(r.records).toBe(personal.size > 0 ? file.key.customers.filter((c) => c.product).length : -1);
    expect(r.distinct).toBe(r.values.length);
    expect(r.values.reduce((a, v) => a + v.records, 0)).toBe(r.records);
    const rate = r.unmatched / r.records;
    console.log(
      `product review, before: ${r.records} records with a product, ${r.distinct} distinct values, ` +
        `${r.unmatched} records unmatched (${(rate * 100).toFixed(1)} %)`,
    );
    expect(rate).toBeLessThanOrEqual(0.1);
    // Every value carries the taxonomy's suggestion and kind where it knows a term.
    const suggested = r.values.filter((v) => v.suggestion);
    expect(suggested.length).toBeGreaterThan(r.values.length * 0.8);
    for (const v of suggested) expect(['product', 'service']).toContain(v.suggestion!.kind);
  });

  it('after the review (values filed in bulk, one call per category): each as the person files it, none unmatched', async () => {
    const before = await version();
    // The values whose category is not the one the person gives (unmatched ones included).
    const wrong = (await review()).values.filter((v) => v.category !== (personal.get(v.value) ?? 'other'));
    const byCategory = new Map<string, string[]>();
    for (const v of wrong) {
      const category = personal.get(v.value) ?? 'other';
      byCategory.set(category, [...(byCategory.get(category) ?? []), v.value]);
    }
    console.log(`product review: ${wrong.length} values changed in ${byCategory.size} bulk assignments`);
    for (const [category, values] of byCategory) {
      const saved = unwrap(await m.v.engine.call('classification.fileProducts', { values, category }));
      expect(saved.reclassified).toBe(m.customers());
    }
    expect(await version()).toBe(before + byCategory.size);
    const after = await review();
    console.log(`product review, after: ${after.unmatched} of ${after.records} records unmatched`);
    expect(after.unmatched).toBe(0);
    for (const v of after.values)
      expect([v.value, v.category]).toEqual([v.value, personal.get(v.value) ?? 'other']);
  });

  it('a value nothing knows is unmatched until filed; a later file reuses the rule in another spelling', async () => {
    const path = join(m.v.dir, 'odd.csv');
    writeFileSync(path, '客户名称,产品\n李四,Zorblax 9000\n');
    const run = unwrap(await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }));
    expect(await categoryOfRow(run.inputs[0].sourceId)).toBe(null);
    const odd = (await review(true)).values;
    expect(odd.map((v) => [v.value, v.suggestion])).toEqual([['Zorblax 9000', null]]);
    unwrap(
      await m.v.engine.call('classification.fileProducts', {
        values: ['Zorblax 9000'],
        category: 'industrial',
      }),
    );
    expect((await review()).unmatched).toBe(0);
    const later = join(m.v.dir, 'odd-later.csv');
    writeFileSync(later, '客户名称,产品\n赵六,ＺＯＲＢＬＡＸ9000\n');
    const again = unwrap(await m.v.engine.call('import.run', { inputs: [{ file: { path: later } }] }));
    expect(await categoryOfRow(again.inputs[0].sourceId)).toBe('industrial');
  });

  it('a choice against the suggestion wins, and a later file reuses it in another spelling', async () => {
    const r = await review();
    const target = r.values.find(
      (v) => v.rule === null && v.category !== null && v.category !== 'consulting',
    )!;
    unwrap(
      await m.v.engine.call('classification.fileProducts', {
        values: [target.value],
        category: 'consulting',
      }),
    );
    expect((await review()).values.find((v) => v.value === target.value)).toMatchObject({
      rule: 'consulting',
      category: 'consulting',
      unmatched: 0,
    });
    // A new file: the same value in upper case and full-width letters.
    const spelt = target.value
      .toUpperCase()
      .replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const path = join(m.v.dir, 'later.csv');
    writeFileSync(path, `客户名称,产品\n王小明,"${spelt}"\n`);
    const run = unwrap(await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }));
    expect(await categoryOfRow(run.inputs[0].sourceId)).toBe('consulting');
  });

  it('an unknown category is refused and nothing changes; null hands a value back to the rules', async () => {
    const before = await version();
    const res = await m.v.engine.call('classification.fileProducts', {
      values: ['A4复印纸'],
      category: 'no-such-category',
    });
    expect(res.ok ? null : res.error.code).toBe('INVALID_INPUT');
    expect(await version()).toBe(before);
    const ruled = (await review()).values.find((v) => v.rule === 'consulting')!;
    unwrap(await m.v.engine.call('classification.fileProducts', { values: [ruled.value], category: null }));
    const back = (await review()).values.find((v) => v.value === ruled.value)!;
    expect(back.rule).toBe(null);
    expect(back.category).not.toBe('consulting');
  });
});

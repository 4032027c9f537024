// The extract's k-anonymity on random customers: every combination of generalised values holds k or more
// records, each record keeps its row, and the answer is a refusal exactly when there are fewer than k.
import fc from 'fast-check';
import { EXTRACT_FIELDS, type AnalyticsFacts } from '../../../../shared/analytics/dimensions';
import { kAnonymise } from '../../../../shared/analytics/k-anonymity';

const facts: fc.Arbitrary<AnalyticsFacts> = fc.record({
  type: fc.constantFrom('individual', 'business', null),
  region: fc.constantFrom('mainland', 'overseas', 'hk_mo_tw', null),
  country: fc.constantFrom('CN', 'US', 'HK', null),
  province: fc.constantFrom('CN-GD', 'CN-BJ', 'CN-SH', 'CN-XZ', null),
  category: fc.constantFrom('retail', 'wholesale', 'vip', null),
  lastOrder: fc.option(
    fc
      .date({ min: new Date('2015-01-01'), max: new Date('2026-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
  spend: fc.option(fc.integer({ min: 0, max: 500_000 })),
  disposition: fc.constantFrom('RETAIN', 'DESTROY', null),
  birthDate: fc.option(
    fc
      .date({ min: new Date('1930-01-01'), max: new Date('2015-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
});

describe('kAnonymise', () => {
  it('leaves no combination below k, or refuses when fewer than k records', () => {
    fc.assert(
      fc.property(
        fc.array(facts, { maxLength: 120 }),
        fc.uniqueArray(fc.constantFrom(...EXTRACT_FIELDS), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 10 }),
        (records, fields, k) => {
          const result = kAnonymise(records, fields, k, '2026-06-01');
          if (records.length < k) return result === null;
          if (result === null) return false;
          const sizes = new Map<string, number>();
          for (const row of result.rows) sizes.set(row.join('|'), (sizes.get(row.join('|')) ?? 0) + 1);
          return (
            result.rows.length === records.length &&
            result.rows.every((r) => r.length === fields.length) &&
            Math.min(...sizes.values()) >= k &&
            result.smallest >= k &&
            sizes.size === result.classes
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('generalises no further than needed: k records alike stay as they are', () => {
    const one: AnalyticsFacts = {
      type: 'individual',
      region: 'mainland',
      country: 'CN',
      province: 'CN-GD',
      category: 'retail',
      lastOrder: '2024-03-09',
      spend: 2500,
      disposition: null,
      birthDate: '1990-05-01',
    };
    const result = kAnonymise(Array(5).fill(one), ['province', 'age', 'period'], 5, '2026-06-01');
    expect(result?.rows[0]).toEqual(['CN-GD', '35-39', '2024-03']);
    expect(result?.levels).toEqual({ province: 0, age: 0, period: 0 });
  });
});

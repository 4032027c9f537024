// The Classification page's model (use-classification.ts) and the rules editor's (use-rules-editor.ts)
// against the fake engine: the statistics read again after a reclassification, edits that belong to the
// version they were made on, an invalid draft flagged, and a save that sends the draft, then shows the new
// version and tells the page.
import { act } from '@testing-library/react';
import { DEFAULT_RULES } from '../../../shared/classification/default-rules';
import type { RulesVersion } from '../../../shared/classification/rules';
import { ok } from '../../../shared/result';
import type { ProductReview } from '../../../shared/contract';
import { categoryLabel, categoryOptions } from '../../../renderer/src/i18n/category';
import { useClassification } from '../../../renderer/src/pages/classification/use-classification';
import { useProductReview } from '../../../renderer/src/pages/classification/use-product-review';
import { useRulesEditor } from '../../../renderer/src/pages/classification/use-rules-editor';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { customerStats } from '../support/samples';

const v = (version: number, staleYears = DEFAULT_RULES.staleYears): RulesVersion => ({
  version,
  body: { ...DEFAULT_RULES, staleYears },
  createdAt: '2025-01-01T00:00:00Z',
  createdBy: '陈静',
  note: null,
});

const REFERENCE = { date: '2026-03-01', source: 'decision', years: 3, before: '2023-03-01' } as const;

test('useClassification: statistics, read again once a reclassification finishes', async () => {
  let stale = 3;
  const fake = installFakeBridge({
    'records.stats': () => ok(customerStats(300, { flags: { ...customerStats(300).flags, stale } })),
    'classification.run': () =>
      ok({ classified: 300, rulesVersion: 1, savedRules: false, staleReference: REFERENCE }),
  });
  const { result } = await renderModel(fake, useClassification);
  await settle();
  expect(result.current.stats.status === 'ok' && result.current.stats.value.flags.stale).toBe(3);
  stale = 9;
  act(() => result.current.reclassify.start({}));
  await settle();
  expect(result.current.stats.status === 'ok' && result.current.stats.value.flags.stale).toBe(9);
  expect(fake.inputsOf('records.stats')).toHaveLength(2);
});

test('useRulesEditor: edit, flag what is invalid, save a new version, then the editor shows it', async () => {
  let current = v(1);
  const fake = installFakeBridge({
    'classification.rules': () => ok({ current, history: [], stored: true, staleReference: REFERENCE }),
    'classification.saveRules': (input) => {
      current = { ...v(2), body: input.rules };
      return ok({ version: 2, reclassified: null });
    },
  });
  const onSaved = jest.fn();
  const { result } = await renderModel(fake, () => useRulesEditor(onSaved));
  await settle();
  expect(result.current.version).toBe(1);
  expect(result.current.valid?.success).toBe(true);

  act(() => result.current.update({ staleYears: 6 }));
  act(() => result.current.addCategory());
  // A category without a name is not a rule the engine would take.
  expect(result.current.valid?.success).toBe(false);
  const added = result.current.draft!.categories.length - 1;
  act(() => result.current.setCategory(added, { name: '茶叶', keywords: ['龙井', '碧螺春'] }));
  expect(result.current.valid?.success).toBe(true);

  act(() => result.current.save.start({ rules: result.current.draft!, reclassify: false }));
  await settle(5);
  const [sent] = fake.inputsOf('classification.saveRules');
  expect(sent.rules.staleYears).toBe(6);
  expect(sent.rules.categories.at(-1)).toEqual({ name: '茶叶', keywords: ['龙井', '碧螺春'] });
  expect(result.current.saved?.version).toBe(2);
  expect(result.current.version).toBe(2);
  expect(result.current.draft?.staleYears).toBe(6);
  expect(onSaved).toHaveBeenCalledTimes(1);

  act(() => result.current.removeCategory(added));
  expect(result.current.draft!.categories).toHaveLength(added);
});

test('useProductReview: the values, filed one or many at once, then read again and the page told', async () => {
  const filed = new Map<string, string | null>();
  const review = (): ProductReview => {
    const values = ['A4复印纸', 'Zorblax 9000'].map((value) => ({
      value,
      records: 2,
      spellings: 0,
      category: filed.get(value) ?? null,
      unmatched: filed.get(value) ? 0 : 2,
      rule: filed.get(value) ?? null,
      suggestion:
        value === 'A4复印纸'
          ? { categoryId: 'office-supplies', kind: 'product' as const, confidence: 0.9 }
          : null,
    }));
    return {
      values,
      distinct: 2,
      omitted: 0,
      records: 4,
      unmatched: values.reduce((a, v) => a + v.unmatched, 0),
    };
  };
  const fake = installFakeBridge({
    'classification.products': () => ok(review()),
    'classification.fileProducts': (input) => {
      for (const value of input.values) filed.set(value, input.category);
      return ok({ version: 2, rules: filed.size, reclassified: 4 });
    },
  });
  const onFiled = jest.fn();
  const { result } = await renderModel(fake, () => useProductReview(onFiled));
  await settle();
  expect(result.current.list.status === 'ok' && result.current.list.value.unmatched).toBe(4);
  act(() => result.current.setSelected(['A4复印纸', 'Zorblax 9000']));
  act(() => result.current.file(result.current.selected, 'industrial'));
  await settle();
  expect(fake.inputsOf('classification.fileProducts')).toEqual([
    { values: ['A4复印纸', 'Zorblax 9000'], category: 'industrial' },
  ]);
  expect(result.current.list.status === 'ok' && result.current.list.value.unmatched).toBe(0);
  expect(result.current.selected).toEqual([]);
  expect(onFiled).toHaveBeenCalledTimes(1);
  // Unmatched only: the engine is asked for those.
  act(() => result.current.setUnmatchedOnly(true));
  await settle();
  expect(fake.inputsOf('classification.products').at(-1)).toEqual({ limit: 1000, unmatchedOnly: true });
});

test('category names: a taxonomy id in the window language, a rules category as written; options list both', () => {
  expect(categoryLabel('office-supplies')).toMatch(/^(办公耗材|Office consumables)$/);
  expect(categoryLabel('预付卡')).toBe('预付卡');
  const options = categoryOptions(['预付卡', 'office-supplies']);
  expect(options.filter((o) => o.value === 'office-supplies')).toHaveLength(1);
  expect(options.at(-1)).toEqual({ value: '预付卡', label: '预付卡' });
});

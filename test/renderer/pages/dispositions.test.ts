// The Dispositions page's drafts (draft-rules.ts) and model (use-dispositions.ts) against the fake engine:
// an incomplete draft is no rules at all; complete ones become the engine's rules in order; a dry run's
// counts belong to the draft they were counted for; applying reads the counts again.
import { act } from '@testing-library/react';
import type { DispositionApplied } from '../../../shared/contract';
import { ok } from '../../../shared/result';
import { blankRule, toRules } from '../../../renderer/src/pages/dispositions/draft-rules';
import { useDispositions } from '../../../renderer/src/pages/dispositions/use-dispositions';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { customerStats } from '../support/samples';

describe('draft rules', () => {
  test('complete drafts become the engine’s rules, in order', () => {
    expect(
      toRules([
        blankRule('stale', 'DESTROY'),
        { ...blankRule('category:办公用品', 'RETAIN'), preset: 'tax-10y' },
        { ...blankRule('category:', 'RETAIN'), preset: 'custom', basis: ' 合同 ', retainUntil: '2030-12-31' },
        { ...blankRule('business', 'TRANSFER'), recipient: ' 杭州承接有限公司 ' },
        blankRule('all', 'ANONYMISE'),
      ]),
    ).toEqual([
      { when: { flags: { stale: true } }, set: { disposition: 'DESTROY' } },
      { when: { category: '办公用品' }, set: { disposition: 'RETAIN', preset: 'tax-10y' } },
      { when: { category: null }, set: { disposition: 'RETAIN', basis: '合同', retainUntil: '2030-12-31' } },
      { when: { type: 'business' }, set: { disposition: 'TRANSFER', recipient: '杭州承接有限公司' } },
      { when: {}, set: { disposition: 'ANONYMISE' } },
    ]);
  });

  test('an incomplete draft (no recipient, no basis or date, no rules) is nothing to apply', () => {
    expect(toRules([blankRule('all', 'TRANSFER')])).toBeNull();
    expect(toRules([{ ...blankRule('all', 'RETAIN'), preset: 'custom', basis: '合同' }])).toBeNull();
    expect(toRules([])).toBeNull();
  });
});

const applied = (dryRun: boolean): DispositionApplied => ({
  dryRun,
  rules: [
    { index: 0, matched: 40 },
    { index: 1, matched: 260 },
  ],
  changed: 300,
  keptManual: 0,
  disposition: { none: 0, RETAIN: 0, TRANSFER: 0, ANONYMISE: 260, DESTROY: 40 },
});

test('useDispositions: the dry run counts this draft only; applying reads the counts again', async () => {
  let decided = false;
  const fake = installFakeBridge({
    'records.stats': () => ok(customerStats(300, decided ? { disposition: applied(false).disposition } : {})),
    'dispositions.apply': (input) => {
      if (!input.dryRun) decided = true;
      return ok(applied(input.dryRun));
    },
  });
  const { result } = await renderModel(fake, useDispositions);
  await settle();
  expect(result.current.categories).toEqual(['办公用品', 'unmatched']);
  expect(result.current.rules).toHaveLength(2);

  act(() => result.current.runDry());
  await settle();
  expect(fake.inputsOf('dispositions.apply')[0]).toMatchObject({ dryRun: true });
  expect(result.current.preview?.rules[0].matched).toBe(40);
  // An edit makes it another draft: its counts are not known.
  act(() => result.current.setDraft(0, { when: 'minor' }));
  expect(result.current.preview).toBeNull();

  act(() => result.current.runApply());
  await settle();
  expect(fake.inputsOf('dispositions.apply')[1]).toEqual({
    rules: [
      { when: { flags: { minor: true } }, set: { disposition: 'DESTROY' } },
      { when: { disposition: null }, set: { disposition: 'ANONYMISE' } },
    ],
    dryRun: false,
    keepManual: true,
  });
  expect(result.current.stats.status === 'ok' && result.current.stats.value.disposition.none).toBe(0);

  act(() => result.current.addRule());
  expect(result.current.drafts).toHaveLength(3);
  act(() => result.current.removeRule(2));
  expect(result.current.drafts).toHaveLength(2);
});

// <StaleReference> in the rules editor: which date stale is measured from (the closure decision date, or
// today while none is set), the draft's years and the day a last order must be before, and why; in
// Chinese and English.
import { render, screen } from '@testing-library/react';
import { act } from 'react';
import { setLanguage } from '../../../renderer/src/i18n';
import { StaleReference } from '../../../renderer/src/pages/classification/StaleReference';

afterEach(() => act(() => setLanguage('zh-CN')));

test('from the closure decision date, with the years of the draft (not of the saved rules)', async () => {
  await act(() => setLanguage('en'));
  render(
    <StaleReference
      applied={{ date: '2026-03-01', source: 'decision', years: 3, before: '2023-03-01' }}
      years={5}
    />,
  );
  const from = screen.getByTestId('rules-stale-from').textContent!;
  expect(from).toContain('no order since 2021-03-01');
  expect(from).toContain('the 5 years before 2026-03-01, the closure decision date');
  expect(screen.getByTestId('rules-stale-reason').textContent).toContain('PIPL Art. 19');
});

test('from today when the vault has no closure decision date, in Chinese', async () => {
  await act(() => setLanguage('zh-CN'));
  render(
    <StaleReference
      applied={{ date: '2026-12-06', source: 'today', years: 3, before: '2023-12-06' }}
      years={3}
    />,
  );
  const from = screen.getByTestId('rules-stale-from').textContent!;
  expect(from).toContain('2023-12-06 之后没有交易');
  expect(from).toContain('今天（2026-12-06）之前 3 年');
  expect(from).toContain('尚未填写结业决议日期');
  expect(screen.getByTestId('rules-stale-reason').textContent).toContain('第十九条');
});

// The Records page's model (pages/records/use-records.ts) against the fake engine: the filter a link
// carries, a bad link flagged and ignored, a new link replacing the filters, the search sent once typing
// pauses, the first page at once and then the capped and exact counts, and a row opening its detail.
import { act, waitFor } from '@testing-library/react';
import { ok } from '../../../shared/result';
import type { OpParsedInput } from '../../../shared/contract';
import { recordsHref } from '../../../renderer/src/pages/records/filter-hash';
import { useRecords } from '../../../renderer/src/pages/records/use-records';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { customerRecord } from '../support/samples';

type Query = OpParsedInput<'records.query'>;

/** A vault of `total` records: pages by offset, counts capped at 10 000 as the engine does. */
function engineOf(total: number) {
  return (input: Query) => {
    const count = input.count === 'none' ? null : input.count === 'capped' ? Math.min(total, 10_000) : total;
    const records = Array.from({ length: Math.max(0, Math.min(input.limit, total - input.offset)) }, (_, i) =>
      customerRecord(input.offset + i + 1),
    );
    return ok({
      total: count,
      totalExact: input.count === 'exact' || total <= 10_000,
      offset: input.offset,
      records,
    });
  };
}

const goTo = (hash: string) =>
  act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });

describe('useRecords', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  test('a link’s filter is the first query’s; a new link replaces it; a bad one is flagged and ignored', async () => {
    window.location.hash = recordsHref({ type: 'business' });
    const fake = installFakeBridge({ 'records.query': engineOf(3) });
    const { result } = await renderModel(fake, useRecords);
    await settle();
    expect(result.current.badLink).toBe(false);
    expect(result.current.filter).toEqual({ type: 'business' });
    expect(fake.inputsOf('records.query')[0]).toMatchObject({
      filter: { type: 'business' },
      offset: 0,
      count: 'none',
    });
    expect(result.current.data.total).toBe(3);
    expect(result.current.rows).toHaveLength(3);

    await goTo(recordsHref({ flags: { minor: true } }));
    await settle();
    expect(result.current.filter).toEqual({ flags: { minor: true } });
    expect(fake.inputsOf('records.query').at(-1)?.filter).toEqual({ flags: { minor: true } });

    await goTo('#/records?filter=%7Bnot-json');
    await settle();
    expect(result.current.badLink).toBe(true);
    expect(result.current.filter).toEqual({});
  });

  test('the search goes out once typing pauses, trimmed', async () => {
    window.location.hash = '#/records';
    const fake = installFakeBridge({ 'records.query': engineOf(2) });
    const { result } = await renderModel(fake, useRecords);
    await settle();
    const before = fake.inputsOf('records.query').length;
    act(() => result.current.setSearch(' 张'));
    act(() => result.current.setSearch(' 张三 '));
    await waitFor(() => expect(fake.inputsOf('records.query').at(-1)?.query).toBe('张三'));
    // One query for the pause, not one per keystroke.
    expect(fake.inputsOf('records.query').filter((q) => q.query === '张')).toEqual([]);
    expect(fake.inputsOf('records.query').length).toBe(before + 1);
  });

  test('a large vault: the first page at once, then the capped count, then the exact one', async () => {
    window.location.hash = '#/records';
    const fake = installFakeBridge({ 'records.query': engineOf(25_000) });
    const { result } = await renderModel(fake, useRecords);
    await settle(6);
    expect(fake.inputsOf('records.query').map((q) => q.count)).toEqual(['none', 'capped', 'exact']);
    expect(result.current.data.total).toBe(25_000);
    expect(result.current.data.totalExact).toBe(true);
    expect(result.current.rows).toHaveLength(25_000);
    expect(result.current.data.at(0)?.id).toBe(1);

    // A row whose page has not arrived asks for it; the detail opens once it is there.
    expect(result.current.data.at(5_000)).toBeUndefined();
    await waitFor(() => expect(result.current.data.at(5_000)?.id).toBe(5_001));
    expect(fake.inputsOf('records.query').at(-1)).toMatchObject({ offset: 5_000, limit: 100, count: 'none' });
    act(() => result.current.openRow({ key: 5_000 }));
    expect(result.current.detail).toBe(5_001);
    act(() => result.current.closeDetail());
    expect(result.current.detail).toBeNull();
  });
});

// The import's two row flags through the real engine on a real vault, on the messy generator's files:
// hidden characters (NUL, controls, ANSI escapes, bidi overrides, zero-width, a BOM inside) removed from
// the stored values, kept in the raw row, the record flagged and filterable, no export carrying one; a
// row with fewer fields than the header imported flagged `malformed` with the kind, filterable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord } from '../../../../../shared/customer';
import type { ImportRunResult } from '../../../../../shared/contract';
import { hiddenCharactersCsv, raggedRowsCsv, type MessyFile } from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { peek } from '../support/peek';
import { useMessyVault } from './support';

jest.setTimeout(180_000);

const m = useMessyVault();
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;

async function imported(
  file: MessyFile,
  tag: string,
): Promise<{ sourceId: string; byRow: Map<number, CustomerRecord>; run: ImportRunResult }> {
  const path = m.write(file, tag);
  const run = unwrap(
    await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }),
  ) as ImportRunResult;
  const { sourceId } = run.inputs[0];
  const { records } = unwrap(await m.v.engine.call('records.query', { limit: 500, filter: { sourceId } }));
  return { sourceId, byRow: new Map(records.map((r) => [r.sources[0].row, r])), run };
}

const ids = async (filter: Record<string, unknown>) =>
  unwrap(await m.v.engine.call('records.query', { limit: 500, filter }))
    .records.map((r) => r.id)
    .sort((a, b) => a - b);

describe.each([1, 2])('seed %i', (seed) => {
  it('hidden characters: removed from the values, kept in the raw row, the record flagged and filterable', async () => {
    const file = hiddenCharactersCsv(seed);
    const { sourceId, byRow, run } = await imported(file, `hidden-${seed}`);
    const flagged = file.key.customers.filter((c) => c.hidden.length > 0);
    expect(flagged.length).toBeGreaterThan(3);
    // The result counts them (the wizard links the count to the filtered Records page).
    expect(run.inputs[0].hiddenCharacters).toBe(flagged.length);
    for (const c of file.key.customers) {
      const record = byRow.get(c.row)!;
      expect([c.row, record.flags.hiddenCharacters]).toEqual([c.row, c.hidden.length > 0]);
      expect([c.row, record.name]).toEqual([c.row, c.name]);
      for (const value of [
        record.name,
        record.organisation,
        record.address,
        record.notes,
        record.phone,
        record.email,
      ])
        expect([c.row, HIDDEN.test(value ?? '')]).toEqual([c.row, false]);
    }
    // The raw row keeps what was read.
    const raw = peek(m.v, (db) =>
      db
        .prepare('SELECT raw FROM customers WHERE source_id = ? AND hidden_characters = 1')
        .pluck()
        .all(sourceId),
    ) as string[];
    expect(raw.length).toBe(flagged.length);
    // eslint-disable-next-line no-control-regex
    expect(raw.every((r) => HIDDEN.test(r) || /\\u00|\x1b/.test(r))).toBe(true);
    const want = flagged.map((c) => byRow.get(c.row)!.id).sort((a, b) => a - b);
    expect(await ids({ sourceId, flags: { hiddenCharacters: true } })).toEqual(want);
    // No export carries a bidi override or any other hidden character.
    const out = join(m.v.dir, `hidden-${seed}.csv`);
    unwrap(
      await m.v.engine.call('records.export', {
        format: 'csv',
        filter: { sourceId },
        file: { path: out },
      } as never),
    );
    expect(HIDDEN.test(readFileSync(out, 'utf8').slice(1))).toBe(false);
  });

  it('a row with fewer fields than the header: imported, flagged malformed with the kind, filterable', async () => {
    const file = raggedRowsCsv(seed);
    const { sourceId, byRow, run } = await imported(file, `ragged-${seed}`);
    const short = file.key.irregularRows.filter((i) => i.outcome === 'customer');
    expect(short.length).toBeGreaterThan(0);
    for (const c of file.key.customers) {
      const irregular = short.some((i) => i.row === c.row);
      expect([c.row, byRow.get(c.row)!.flags.malformed]).toEqual([
        c.row,
        irregular ? 'too-few-fields' : null,
      ]);
    }
    // A row with more fields than the header whose extra ones are all empty (a trailing comma) is
    // imported too, flagged `ragged`; the key sets it aside with the shifted ones.
    const keyRows = new Set(file.key.customers.map((c) => c.row));
    const trailing = [...byRow.values()].filter((r) => !keyRows.has(r.sources[0].row));
    for (const r of trailing)
      expect([r.sources[0].row, r.flags.malformed]).toEqual([r.sources[0].row, 'ragged']);
    const want = [...short.map((i) => byRow.get(i.row)!.id), ...trailing.map((r) => r.id)].sort(
      (a, b) => a - b,
    );
    expect(await ids({ sourceId, flags: { malformed: true } })).toEqual(want);
    expect(run.inputs[0].malformed).toBe(want.length);
  });
});

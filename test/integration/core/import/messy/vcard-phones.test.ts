// A phone's contact export (the messy generator's vCards, 2.1 / 3.0 / 4.0) through the real engine on a
// real vault: every TEL of a card kept in order — the first the phone, the second and later ones further
// phones — each validated, with its extension and the type the card gave it (cell, work,voice …); a
// further number finds its record, and is not left behind as an extra field.
import type { CustomerRecord } from '../../../../../shared/customer';
import type { ImportRunResult } from '../../../../../shared/contract';
import { phoneVcards } from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';

jest.setTimeout(180_000);

const m = useMessyVault();
const file = phoneVcards(11, { cards: 80 });
const byRow = new Map<number, CustomerRecord>();

async function query(input: Record<string, unknown>): Promise<CustomerRecord[]> {
  return unwrap(await m.v.engine.call('records.query', { limit: 500, ...input })).records;
}

beforeAll(async () => {
  const path = m.write(file, 'cards');
  const run = unwrap(
    await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }),
  ) as ImportRunResult;
  expect(run.inputs[0].imported).toBe(file.key.customers.length);
  for (const r of await query({})) byRow.set(r.sources[0].row, r);
});

test('every TEL of every card, in order, validated, with its extension and its type', () => {
  const several = file.key.customers.filter((c) => c.phones.length > 1);
  expect(several.length).toBeGreaterThan(10);
  for (const c of file.key.customers) {
    const record = byRow.get(c.row)!;
    expect([c.row, record.phones.map((p) => [p.number, p.extension, p.status])]).toEqual([
      c.row,
      c.phones.map((p) => [p.e164, p.extension, 'valid']),
    ]);
    expect([c.row, record.phone]).toEqual([c.row, c.phones[0]?.e164 ?? null]);
    // The generator writes a mobile as CELL and a landline as WORK (with VOICE in 2.1 and 3.0).
    for (const p of record.phones)
      expect([c.row, p.number, p.type]).toEqual([
        c.row,
        p.number,
        expect.stringMatching(/^\+861[3-9]/.test(p.number) ? /^cell/ : /^work/),
      ]);
    // Further numbers are phones now, not extra fields.
    expect([c.row, Object.keys(record.extra).filter((k) => /^phone_/.test(k))]).toEqual([c.row, []]);
  }
});

test('a second TEL finds its record', async () => {
  const c = file.key.customers.find((k) => k.phones.length > 1 && k.phones[1].e164 !== k.phones[0].e164)!;
  const id = byRow.get(c.row)!.id;
  expect((await query({ query: c.phones[1].e164.slice(3) })).map((r) => r.id)).toContain(id);
});

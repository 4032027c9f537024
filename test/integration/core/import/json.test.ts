// JSON array and JSON Lines import on files written from the seeded customers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewSource } from '../../../../electron/core/import';
import { customerRows, type CustomerRow } from '../../../fixtures/customers';
import { tempDir } from '../../helpers';
import { readAll } from './support/read';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('closeout-import-json-');
});
afterAll(() => dir.remove());

/** A customer as a CRM exports it: contact details nested, a member number too long for a double. */
function exported(row: CustomerRow, i: number) {
  return {
    id: i + 1,
    name: row.name,
    contact: { phone: row.phone, email: row.email, address: { text: row.address } },
    member_no: `62284800${String(i).padStart(11, '0')}`,
    vip: i % 7 === 0,
    tags: i % 5 === 0 ? ['老客户', '已退款'] : [],
    notes: row.notes || null,
  };
}

/** The same customer as the reader should flatten it. */
function flattened(row: CustomerRow, i: number): Record<string, string> {
  return {
    id: String(i + 1),
    name: row.name,
    'contact.phone': row.phone,
    'contact.email': row.email,
    'contact.address': JSON.stringify({ text: row.address }),
    member_no: `62284800${String(i).padStart(11, '0')}`,
    vip: String(i % 7 === 0),
    tags: i % 5 === 0 ? '["老客户","已退款"]' : '[]',
    notes: row.notes,
  };
}

/** Writes the member number as a bare JSON number (19 digits: JSON.parse alone would round it). */
const bareMemberNo = (json: string) => json.replace(/"member_no": ?"(\d+)"/g, '"member_no":$1');

describe('JSON', () => {
  it('splits a large array element by element, flattening one level and keeping long numbers exact', async () => {
    const truth = [...customerRows(51, 5000)];
    const file = join(dir.path, 'customers.json');
    writeFileSync(file, bareMemberNo(JSON.stringify(truth.map(exported), null, 2)));
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({
      format: 'json',
      encoding: 'utf-8',
      rowsRead: 5000,
      rowsEmitted: 5000,
      rowsRejected: 0,
      rowsFlagged: 0,
    });
    expect(result.headers).toEqual(Object.keys(flattened(truth[0], 0)));
    rows.forEach((row, i) => {
      expect(row.line).toBe(i + 1);
      expect(row.values).toEqual(flattened(truth[i], i));
      expect(JSON.parse(row.raw)).toMatchObject({ id: i + 1 });
    });
  });

  it('reads the record array of a wrapper object and says which', async () => {
    const truth = [...customerRows(52, 300)];
    const file = join(dir.path, 'wrapped.json');
    writeFileSync(
      file,
      JSON.stringify({
        exportedAt: '2024-12-31',
        tags: ['a', 'b'],
        customers: truth.map(exported),
        total: 300,
      }),
    );
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ rowsRead: 300, rowsEmitted: 300 });
    expect(result.notes).toEqual([
      expect.objectContaining({ kind: 'json-wrapper', message: expect.stringContaining('"customers"') }),
    ]);
    rows.forEach((row, i) => expect(row.values).toEqual(flattened(truth[i], i)));
  });

  it('rejects what is not an object, and the element a cut-off file ends inside', async () => {
    const truth = [...customerRows(53, 100)];
    const elements = truth.map((r, i) => JSON.stringify(exported(r, i)));
    elements.splice(40, 0, '"just a string"', '{"name": "坏记录", }');
    const text = `[\n${elements.join(',\n')}\n]`;
    const file = join(dir.path, 'broken.json');
    writeFileSync(file, text.slice(0, text.length - 60));
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ rowsRead: 102, rowsEmitted: 99, rowsRejected: 3 });
    expect(result.problems.map((p) => [p.line, p.kind])).toEqual([
      [41, 'not-an-object'],
      [42, 'bad-json'],
      [102, 'truncated'],
    ]);
    expect(result.notes.map((n) => n.kind)).toContain('json-truncated');
    expect(rows.map((r) => r.line)).toEqual([
      ...Array.from({ length: 40 }, (_, i) => i + 1),
      ...Array.from({ length: 59 }, (_, i) => i + 43),
    ]);
  });
});

describe('JSON Lines', () => {
  it('one record per line: a bad line is a problem with its line number, the rest are read', async () => {
    const truth = [...customerRows(54, 2000)];
    const lines = truth.map((r, i) => bareMemberNo(JSON.stringify(exported(r, i))));
    lines[500] = lines[500].slice(0, 40); // cut short
    lines.splice(1000, 0, ''); // a blank line
    const file = join(dir.path, 'customers.jsonl');
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({
      format: 'jsonl',
      rowsRead: 2000,
      rowsEmitted: 1999,
      rowsRejected: 1,
      blankRows: 1,
    });
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 501, kind: 'bad-json', emitted: false, raw: lines[500] }),
    ]);
    for (const row of rows) {
      const i = row.line <= 1000 ? row.line - 1 : row.line - 2;
      expect(row.values).toEqual(flattened(truth[i], i));
    }
  });

  it('is recognised without the .jsonl name, and previews', async () => {
    const truth = [...customerRows(55, 100)];
    const file = join(dir.path, 'export.txt');
    writeFileSync(file, truth.map((r, i) => JSON.stringify(exported(r, i))).join('\n'));
    const preview = await previewSource(file, { rows: 3 });
    expect(preview).toMatchObject({ format: 'jsonl', truncated: true });
    expect(preview.rows.map((r) => r.values)).toEqual(truth.slice(0, 3).map(flattened));
  });
});

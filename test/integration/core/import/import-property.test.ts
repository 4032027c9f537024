// Property tests: for arbitrary CSV-like text and arbitrary JSON Lines, an import either refuses the file
// with one clear error (never an internal error) or accounts for every row it read: rowsRead ===
// imported + quarantined, and the vault holds exactly those rows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { makeVault, type VaultFixture } from '../../support/vault-fixture';
import { peek } from './support/peek';

jest.setTimeout(600_000);

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

/** Refusals a reader may give for a file it cannot read at all; anything else is a bug. */
const CLEAR_REFUSALS = ['INPUT_NOT_SUPPORTED', 'INPUT_UNREADABLE', 'INPUT_TOO_LARGE'];

let n = 0;
async function importText(text: string, extension: string) {
  const file = join(v.dir, `p-${n++}.${extension}`);
  writeFileSync(file, text);
  const result = await v.engine.call('import.run', {
    inputs: [{ file: { path: file } }],
    allowSameSource: true,
  });
  if (!result.ok) {
    expect(CLEAR_REFUSALS).toContain(result.error.code);
    expect(result.error.message).toContain(file);
    return;
  }
  const r = result.value.inputs[0];
  expect(r.imported + r.quarantined).toBe(r.rowsRead);
  const stored = peek(v, (db) => ({
    customers: (
      db.prepare('SELECT count(*) AS n FROM customers WHERE source_id = ?').get(r.sourceId) as { n: number }
    ).n,
    quarantine: (
      db.prepare('SELECT count(*) AS n FROM quarantine WHERE source_id = ?').get(r.sourceId) as { n: number }
    ).n,
  }));
  expect(stored).toEqual({ customers: r.imported, quarantine: r.quarantined });
}

// Cells drawn from what breaks CSV readers and normalisers: quotes, delimiters, line breaks, full-width
// and Chinese text, formula starts, numbers that look like IDs and phones.
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '"',
    '""',
    ',',
    ';',
    '\t',
    '\n',
    '\r\n',
    '=1+1',
    '+86 138 0013 8000',
    '１３８００１３８０００',
    '110105194912310029',
    '张三',
    '  ',
    'a"b',
    '"open',
  ),
  fc.stringMatching(/^[0-9+()\- ]{0,14}$/),
);
const csvText = fc
  .tuple(
    fc.array(fc.constantFrom('姓名', '电话', '邮箱', 'name', 'x', ''), { minLength: 1, maxLength: 5 }),
    fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, rows, sep, eol]) => [header, ...rows].map((r) => r.join(sep)).join(eol));

it('CSV-like text: a clear refusal or every row accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(csvText, (text) => importText(text, 'csv')),
    { numRuns: 150 },
  );
});

const jsonLine = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc
    .record({ name: fc.string(), phone: fc.string(), contact: fc.record({ email: fc.string() }) })
    .map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 20 }),
);

it('JSON Lines: a clear refusal or every line accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(jsonLine, { minLength: 1, maxLength: 15 }), (lines) =>
      importText(lines.join('\n'), 'jsonl'),
    ),
    { numRuns: 150 },
  );
});

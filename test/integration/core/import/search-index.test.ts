// The search index an import writes holds, for every record and nothing else, exactly the document of its
// values (every token at its place). Read back through FTS5's vocabulary table of the contentless index and
// compared with the document built again from the stored columns: the invariant any change to how the
// documents are written (batched, deferred, from another thread) must keep.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportRunResult } from '../../../../shared/contract';
import { searchValues } from '../../../../shared/customer/columns';
import { searchDocument } from '../../../../shared/search-grams';
import { customerRows } from '../../../fixtures/customers';
import { everythingCsv, everythingXlsx } from '../../../fixtures/messy';
import { encodeCsv } from '../../../fixtures/write-csv';
import { unwrap } from '../../support/vault-fixture';
import { useMessyVault } from './messy/support';
import { peek } from './support/peek';

jest.setTimeout(300_000);

const m = useMessyVault();

it('every record is indexed with exactly its own search document', async () => {
  const generated = join(m.v.dir, 'generated.csv');
  writeFileSync(generated, encodeCsv(customerRows(21, 2999), { header: 'zh' }));
  const files = [
    generated,
    m.write(everythingCsv(22, { rows: 701 }), 'fts'),
    m.write(everythingXlsx(23, { rows: 333 }), 'fts'),
  ];
  const result = unwrap(
    await m.v.engine.call('import.run', { inputs: files.map((path) => ({ file: { path } })) }),
  ) as ImportRunResult;
  expect(result.totals.imported).toBeGreaterThan(3500);

  const { expected, indexed } = peek(m.v, (db) => {
    const records = db.prepare('SELECT * FROM customers ORDER BY id').all() as Array<
      Record<string, string | null>
    >;
    const expected = new Map<number, string>();
    for (const r of records) {
      const document = searchDocument(searchValues(r as never));
      if (document !== '') expected.set(Number(r.id), document.toLowerCase().split(/\s+/).join(' '));
    }
    db.exec(`CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'customers_fts', 'instance')`);
    const rows = db.prepare('SELECT doc, term FROM temp.fts_terms ORDER BY doc, offset').all() as Array<{
      doc: number;
      term: string;
    }>;
    const indexed = new Map<number, string[]>();
    for (const row of rows) {
      let terms = indexed.get(row.doc);
      if (!terms) indexed.set(row.doc, (terms = []));
      terms.push(row.term);
    }
    return { expected, indexed: new Map([...indexed].map(([doc, terms]) => [doc, terms.join(' ')])) };
  });
  expect(expected.size).toBe(result.totals.imported);
  expect([...indexed.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
  const differing = [...expected].filter(([id, document]) => indexed.get(id) !== document).map(([id]) => id);
  expect(differing).toEqual([]);
});

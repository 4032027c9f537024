// A digest of what the import computes per row in JavaScript — normaliseRecord's record (key order
// included), its search document and its classification under the default rules — over the customers
// generator and the messy "everything" files in every format. Pinned in normalise-digest.test.ts with the
// value the code gave before the import's per-row work was made faster, so a faster version that changes
// any result fails.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../../../../shared/classification/default-rules';
import type { CustomerField } from '../../../../../shared/customer';
import { searchValues } from '../../../../../shared/customer/columns';
import { fieldForHeader } from '../../../../../shared/mapping';
import { searchDocument } from '../../../../../shared/search-grams';
import { recordFacts } from '../../../../../electron/core/classification/classify';
import { classifyRecord, compileRules } from '../../../../../electron/core/classification/classify-record';
import { readSource } from '../../../../../electron/core/import';
import { normaliseRecord, prepareMapping } from '../../../../../electron/core/import/normalise-record';
import { customerRows } from '../../../../fixtures/customers';
import { everythingCsv, everythingVcard, everythingXlsx } from '../../../../fixtures/messy';
import { encodeCsv } from '../../../../fixtures/write-csv';

const TODAY = new Date('2026-12-06T12:00:00Z');

/** The files, written into `dir`: their paths. */
export function digestFiles(dir: string): string[] {
  const files: Array<[string, Uint8Array]> = [
    ['generated.csv', encodeCsv(customerRows(7, 3000), { header: 'zh' })],
    ['generated-en.csv', encodeCsv(customerRows(8, 1000), { header: 'en', encoding: 'gb18030' })],
  ];
  for (const f of [
    everythingCsv(11, { rows: 1500 }),
    everythingCsv(12, { rows: 800, encoding: 'gb18030' }),
    everythingXlsx(13, { rows: 800 }),
    everythingVcard(14, { rows: 400 }),
  ])
    files.push([f.name, f.bytes]);
  return files.map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  });
}

/** The digest over the files, and how many rows it covers. */
export async function normaliseDigest(files: string[]): Promise<{ rows: number; digest: string }> {
  const hash = createHash('sha256');
  const compiled = compileRules(DEFAULT_RULES);
  let rows = 0;
  for (const file of files) {
    // The import's suggested mapping: each field to the first column that names it.
    const mapping: Record<string, CustomerField | 'extra'> = {};
    const taken = new Set<CustomerField>();
    await readSource(file, {}, (row) => {
      for (const header in row.values) {
        if (header in mapping) continue;
        const field = fieldForHeader(header);
        mapping[header] = field && !taken.has(field) ? field : 'extra';
        if (field) taken.add(field);
      }
      const record = normaliseRecord(row, prepareMapping(mapping), { today: TODAY });
      const classification = classifyRecord(recordFacts(record.columns), compiled, '2026-12-06');
      hash.update(JSON.stringify(record));
      hash.update(searchDocument(searchValues(record.columns)));
      hash.update(JSON.stringify(classification));
      rows++;
    });
  }
  return { rows, digest: hash.digest('hex') };
}

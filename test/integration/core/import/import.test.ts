// import.run and import.preview on a real vault with seeded generator files: exact counts against the
// generator's truth, statuses, provenance (CSV row with the header as row 1, XLSX worksheet row, vCard
// position, JSON Lines line), quarantine, the search index, and the same-source refusal.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { normalisePhone } from '../../../../shared/normalise/phone';
import { searchMatch } from '../../../../shared/search-grams';
import { CUSTOMER_FIELDS, generateCustomers, type GeneratedCustomer } from '../../../fixtures/customers';
import { toFullWidth } from '../../../fixtures/formats';
import { CSV_HEADERS, csvRecord } from '../../../fixtures/write-csv';
import iconv from 'iconv-lite';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { peek } from './support/peek';

jest.setTimeout(120_000);

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

const call = async <T>(op: string, input: unknown): Promise<T> =>
  unwrap(await v.engine.call(op as 'import.run', input)) as T;
type RunResult = Awaited<ReturnType<typeof run>>;
const run = async (input: unknown) => unwrap(await v.engine.call('import.run', input));

/** How the generator's ID status reads after validation. */
function idStatus(c: GeneratedCustomer): string {
  switch (c.truth.idStatus) {
    case 'valid':
      return 'valid';
    case 'legacy-15':
      return 'legacy';
    case 'none':
      return 'missing';
    default:
      return 'invalid';
  }
}

/**
 * The generator's E.164 is the truth; a number libphonenumber does not allocate (the fictional 555-01xx
 * and 07700 900xxx ranges the generator uses for overseas customers) is invalid however it is written, the
 * first number of a cell with two is the phone, and a mainland landline written without its
 * area code cannot be placed.
 */
function phoneStatus(c: GeneratedCustomer): string {
  if (c.truth.phone === null) return 'missing';
  // A cell with two numbers (138…/139…): the first is the phone, judged on its own.
  const first = c.row.phone.split(/\s*[/;、,]\s*/)[0];
  if (c.truth.phone.startsWith('+86') && (first.match(/[0-9０-９]/g) ?? []).length <= 8) return 'invalid';
  return normalisePhone(c.truth.phone).status;
}

const emailStatus = (c: GeneratedCustomer) =>
  c.truth.email === null ? 'missing' : c.truth.emailValid ? 'valid' : 'invalid';

function count<T>(items: readonly T[], pick: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (pick(item)) n++;
  return n;
}

interface Stored {
  id: number;
  source_line: number;
  source_sheet: string | null;
  name: string | null;
  phone: string | null;
  phone_status: string;
  email_status: string;
  id_number: string | null;
  id_number_status: string;
  birth_date: string | null;
  credit_code_status: string;
  last_order_date: string | null;
  lifetime_value: number | null;
  formula_like: number;
  name_key: string | null;
}

const storedRows = (sourceId: string) =>
  peek(v, (db) =>
    db.prepare('SELECT * FROM customers WHERE source_id = ? ORDER BY source_line').all(sourceId),
  ) as Stored[];

const vaultState = () =>
  peek(v, (db) => ({
    customers: (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n,
    quarantine: (db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number }).n,
    sources: (db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n,
    audit: db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get(),
  }));

const N = 600;
const customers: GeneratedCustomer[] = [...generateCustomers(4242, N)];

describe('GBK CSV with Chinese headers and full-width digits', () => {
  let file: string;
  let result: RunResult;
  /** Three rows that name no one (only an address and a note), after the customers. */
  const NAMELESS = 3;

  // Phone and ID columns in full-width digits for every third row, as typed with a Chinese IME; formula
  // injections in some notes and addresses.
  const INJECTIONS = ['=HYPERLINK("http://example.invalid","点击")', "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)'];
  const rows = customers.map((c, i) => {
    const row =
      i % 3 === 0
        ? { ...c.row, phone: toFullWidth(c.row.phone), id_number: toFullWidth(c.row.id_number) }
        : c.row;
    if (i % 50 === 7) return { ...row, notes: INJECTIONS[i % 3] };
    if (i % 50 === 31) return { ...row, address: ' ' + INJECTIONS[i % 3] };
    return row;
  });

  beforeAll(async () => {
    const header = CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]);
    const lines = [csvRecord(header), ...rows.map((r) => csvRecord(CUSTOMER_FIELDS.map((f) => r[f])))];
    for (let i = 0; i < NAMELESS; i++)
      lines.push(
        csvRecord(
          CUSTOMER_FIELDS.map((f) =>
            f === 'address' ? '上海市徐汇区某路1号' : f === 'notes' ? '待补充\n第二行' : '',
          ),
        ),
      );
    file = join(v.dir, '客户名单.csv');
    writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
    result = await run({ inputs: [{ file: { path: file } }] });
  });

  it('detects the encoding and maps the Chinese headers', () => {
    const r = result.inputs[0];
    expect(r).toMatchObject({
      file: '客户名单.csv',
      format: 'csv',
      encoding: 'gb18030',
      delimiter: ',',
      headerRow: 1,
    });
    expect(r.mapping).toEqual({
      客户名称: 'name',
      联系电话: 'phone',
      电子邮箱: 'email',
      微信号: 'wechat',
      身份证号: 'idNumber',
      统一社会信用代码: 'creditCode',
      地址: 'address',
      '国家/地区': 'country',
      购买产品: 'product',
      最后购买日期: 'lastOrderDate',
      累计消费: 'lifetimeValue',
      备注: 'notes',
    });
  });

  it('reads every row and accounts for each: imported or quarantined with file, row and reason', () => {
    const r = result.inputs[0];
    expect(r.rowsRead).toBe(N + NAMELESS);
    expect(r.imported).toBe(N);
    expect(r.quarantined).toBe(NAMELESS);
    expect(r.imported + r.quarantined).toBe(r.rowsRead);
    // Header = row 1, so the customers are rows 2 … N+1 and the nameless rows follow, one row each
    // although their notes span two lines.
    expect(r.quarantine.map((q) => [q.file, q.row, q.kind])).toEqual(
      Array.from({ length: NAMELESS }, (_, i) => ['客户名单.csv', N + 2 + i, 'no-identifying-field']),
    );
    expect(result.totals).toMatchObject({ rowsRead: N + NAMELESS, imported: N, quarantined: NAMELESS });
  });

  it('stores each row with the statuses the truth says, under the row a spreadsheet shows', () => {
    const stored = storedRows(result.inputs[0].sourceId);
    expect(stored).toHaveLength(N);
    expect(stored.map((s) => s.source_line)).toEqual(customers.map((_, i) => i + 2));
    const wrong = { id: 0, phone: 0, email: 0, birth: 0 };
    for (const s of stored) {
      const c = customers[s.source_line - 2];
      if (s.id_number_status !== idStatus(c)) wrong.id++;
      const phone = phoneStatus(c);
      if (s.phone_status !== phone || (phone === 'valid' && s.phone !== c.truth.phone)) wrong.phone++;
      if (s.email_status !== emailStatus(c)) wrong.email++;
      if (['valid', 'legacy'].includes(s.id_number_status) && s.birth_date !== c.truth.birthDate)
        wrong.birth++;
    }
    expect(wrong).toEqual({ id: 0, phone: 0, email: 0, birth: 0 });
    // The counts a report shows, against the generator's own.
    expect(count(stored, (s) => s.id_number_status === 'legacy')).toBe(
      count(customers, (c) => c.truth.idStatus === 'legacy-15'),
    );
    expect(count(stored, (s) => s.id_number_status === 'invalid')).toBe(
      count(customers, (c) => !['valid', 'legacy-15', 'none'].includes(c.truth.idStatus)),
    );
    expect(count(stored, (s) => s.credit_code_status === 'valid')).toBe(
      count(customers, (c) => c.truth.creditCodeStatus === 'valid'),
    );
    expect(count(stored, (s) => s.credit_code_status === 'invalid')).toBe(
      count(customers, (c) => c.truth.creditCodeStatus === 'bad-checksum'),
    );
    expect(count(stored, (s) => s.last_order_date !== null)).toBe(
      count(customers, (c) => c.truth.lastOrderDate !== null),
    );
    for (const s of stored) {
      const c = customers[s.source_line - 2];
      if (s.last_order_date !== null) expect(s.last_order_date).toBe(c.truth.lastOrderDate);
    }
  });

  it('flags formula-like notes and indexes every record for search', () => {
    const stored = storedRows(result.inputs[0].sourceId);
    expect(count(stored, (s) => s.formula_like === 1)).toBeGreaterThanOrEqual(24);
    expect(count(stored, (s) => s.formula_like === 1)).toBe(
      count(rows, (row) =>
        CUSTOMER_FIELDS.some((f) => {
          const value = row[f].trim();
          return /^[=@]/.test(value) || (/^[+-]/.test(value) && /\p{L}/u.test(value));
        }),
      ),
    );
    const someone = stored.find((s) => s.name && /\p{Script=Han}{2}/u.test(s.name))!;
    const hits = peek(v, (db) =>
      db
        .prepare('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?')
        .all(searchMatch(someone.name!.slice(0, 2))),
    ) as Array<{ rowid: number }>;
    expect(hits.map((h) => h.rowid)).toContain(someone.id);
    const indexed = peek(
      v,
      (db) => (db.prepare('SELECT count(*) AS n FROM customers_fts').get() as { n: number }).n,
    );
    expect(indexed).toBe(vaultState().customers);
  });

  it('records the source and one audit entry without file names', async () => {
    const sources = unwrap(await v.engine.call('import.sources', {}));
    expect(sources[0]).toMatchObject({
      name: '客户名单.csv',
      sha256: result.inputs[0].sha256,
      format: 'csv',
      encoding: 'gb18030',
      rowsRead: N + NAMELESS,
      imported: N,
      quarantined: NAMELESS,
      importedBy: 'owner',
      sourceDeletedAt: null,
    });
    const audit = peek(v, (db) =>
      db.prepare("SELECT params, counts FROM audit WHERE op = 'import.run' ORDER BY seq DESC LIMIT 1").get(),
    ) as { params: string; counts: string };
    expect(audit.params).not.toContain('客户名单');
    expect(JSON.parse(audit.counts)).toMatchObject({
      files: 1,
      rowsRead: N + NAMELESS,
      imported: N,
      quarantined: NAMELESS,
    });
  });

  it('refuses the same file again, changing nothing; imports it when allowed', async () => {
    const before = vaultState();
    const again = await v.engine.call('import.run', { inputs: [{ file: { path: file } }] });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('IMPORT_SAME_SOURCE');
      expect(again.error.message).toContain('客户名单.csv');
    }
    expect(vaultState()).toEqual(before);
    const preview = unwrap(await v.engine.call('import.preview', { file: { path: file } }));
    expect(preview.alreadyImported?.name).toBe('客户名单.csv');
    const allowed = await run({ inputs: [{ file: { path: file } }], allowSameSource: true });
    expect(allowed.totals.imported).toBe(N);
    expect(vaultState().customers).toBe(before.customers + N);
  });
});

describe('XLSX with a title row and Excel dates', () => {
  const xlsx = customers.slice(0, 120);
  let result: RunResult;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户名单');
    ws.mergeCells('A1:K1');
    ws.getCell('A1').value = '2024年客户名单（内部资料）';
    ws.getRow(3).values = CUSTOMER_FIELDS.map((f) => CSV_HEADERS.en[f]);
    xlsx.forEach((c, i) => {
      const row = ws.getRow(4 + i);
      CUSTOMER_FIELDS.forEach((f, col) => (row.getCell(col + 1).value = c.row[f]));
      if (c.truth.lastOrderDate) {
        const [y, m, d] = c.truth.lastOrderDate.split('-').map(Number);
        const cell = row.getCell(CUSTOMER_FIELDS.indexOf('last_order_date') + 1);
        cell.value = new Date(Date.UTC(y, m - 1, d));
        cell.numFmt = 'yyyy-mm-dd';
      }
    });
    const file = join(v.dir, 'customers.xlsx');
    await wb.xlsx.writeFile(file);
    result = await run({ inputs: [{ file: { path: file } }] });
  });

  it('maps the English headers, finds the header under the title, keeps the worksheet rows', () => {
    const r = result.inputs[0];
    expect(r).toMatchObject({
      format: 'xlsx',
      sheet: '客户名单',
      headerRow: 3,
      rowsRead: 120,
      imported: 120,
      quarantined: 0,
    });
    expect(Object.values(r.mapping).filter((t) => t !== 'extra')).toHaveLength(CUSTOMER_FIELDS.length);
    const stored = storedRows(r.sourceId);
    expect(stored.map((s) => s.source_line)).toEqual(xlsx.map((_, i) => 4 + i));
    expect(stored.every((s) => s.source_sheet === '客户名单')).toBe(true);
    for (const s of stored) expect(s.last_order_date).toBe(xlsx[s.source_line - 4].truth.lastOrderDate);
    expect(count(stored, (s) => s.id_number_status !== idStatus(xlsx[s.source_line - 4]))).toBe(0);
  });
});

describe('vCard and JSON', () => {
  it('imports vCards numbered by card position, the first phone as the phone, the rest as further phones', async () => {
    const cards = customers
      .slice(0, 30)
      .map((c, i) =>
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          `FN:${c.row.name}`,
          ...(c.truth.phone ? [`TEL;TYPE=CELL:${c.truth.phone}`] : []),
          ...(i % 5 === 0 ? ['TEL;TYPE=WORK:+8602150501234'] : []),
          ...(c.truth.email && c.truth.emailValid ? [`EMAIL:${c.truth.email}`] : []),
          'END:VCARD',
        ].join('\r\n'),
      );
    const file = join(v.dir, 'contacts.vcf');
    writeFileSync(file, cards.join('\r\n') + '\r\n');
    const r = (await run({ inputs: [{ file: { path: file } }] })).inputs[0];
    expect(r).toMatchObject({ format: 'vcard', rowsRead: 30, imported: 30, quarantined: 0 });
    expect(r.mapping).toMatchObject({ name: 'name', phone_1: 'phone' });
    expect(r.mapping.phone_2 ?? 'extra').toBe('extra');
    const stored = storedRows(r.sourceId);
    expect(stored.map((s) => s.source_line)).toEqual(cards.map((_, i) => i + 1));
    expect(stored.map((s) => s.phone)).toEqual(customers.slice(0, 30).map((c) => c.truth.phone));
    // The second TEL is a further phone (with its type), not an extra field.
    const withWork = stored.filter((_s, i) => i % 5 === 0 && customers[i].truth.phone);
    for (const s of withWork) {
      const row = s as unknown as { phones: string; extra: string };
      expect(JSON.parse(row.phones).at(-1)).toEqual(['+862150501234', null, 'valid', 'work']);
      expect(JSON.parse(row.extra)).not.toHaveProperty('phone_2');
    }
  });

  it('imports JSON Lines with nested keys, quarantining the lines that are not JSON', async () => {
    const lines = customers.slice(0, 40).map((c) =>
      JSON.stringify({
        name: c.row.name,
        contact: { phone: c.row.phone, email: c.row.email },
        note: c.row.notes,
      }),
    );
    lines.splice(10, 0, '{"name": "broken');
    lines.splice(20, 0, 'not json at all');
    const file = join(v.dir, 'shop.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = (await run({ inputs: [{ file: { path: file } }] })).inputs[0];
    expect(r).toMatchObject({ format: 'jsonl', rowsRead: 42, imported: 40, quarantined: 2 });
    expect(r.mapping).toMatchObject({
      name: 'name',
      'contact.phone': 'phone',
      'contact.email': 'email',
      note: 'notes',
    });
    expect(r.quarantine.map((q) => [q.row, q.kind])).toEqual([
      [11, 'bad-json'],
      [21, 'bad-json'],
    ]);
    const page = await call<{ total: number; items: Array<{ row: number; raw: string | null }> }>(
      'import.quarantine',
      { sourceId: r.sourceId },
    );
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.raw)).toEqual(['{"name": "broken', 'not json at all']);
  });
});

describe('preview and mappings', () => {
  it('shows the first 20 rows as they will be stored, with the flags, and remembers the last mapping', async () => {
    const rows = customers.slice(0, 40).map((c) => c.row);
    const text = [
      csvRecord(['姓名', '手机', '电话', '邮箱', '证件号码', '会员等级']),
      ...rows.map((r) => csvRecord([r.name, r.phone, '', r.email, r.id_number, 'VIP'])),
    ].join('\n');
    const file = join(v.dir, 'members.csv');
    writeFileSync(file, text);
    const preview = unwrap(await v.engine.call('import.preview', { file: { path: file } }));
    expect(preview.rows).toHaveLength(20);
    expect(preview.mapping).toEqual({
      姓名: 'name',
      手机: 'phone',
      电话: 'extra',
      邮箱: 'email',
      证件号码: 'idNumber',
      会员等级: 'extra',
    });
    expect(preview.alreadyImported).toBeNull();
    for (const [i, row] of preview.rows.entries()) {
      const c = customers[i];
      expect(row.row).toBe(i + 2);
      expect(row.record.status.idNumber).toBe(idStatus(c));
      expect(row.problems.some((p) => p.field === 'idNumber')).toBe(idStatus(c) === 'invalid');
      expect(row.record.extra).toEqual({ 会员等级: 'VIP' });
    }

    // The person maps 电话 instead of 手机 and skips the level; the next preview starts from that.
    const mapping = {
      姓名: 'name',
      手机: 'extra',
      电话: 'phone',
      邮箱: 'email',
      证件号码: 'idNumber',
      会员等级: 'skip',
    };
    const done = await run({ inputs: [{ file: { path: file }, mapping }], saveMappingAs: '会员导出' });
    expect(done.mappingSaved).toBe('会员导出');
    const stored = storedRows(done.inputs[0].sourceId);
    expect(stored.every((s) => s.phone_status === 'missing')).toBe(true);
    const next = unwrap(await v.engine.call('import.preview', { file: { path: file } }));
    expect(next.mappingFrom).toBe('saved');
    expect(next.mapping).toEqual(mapping);
    const templates = unwrap(await v.engine.call('import.mappings', {}));
    expect(templates.map((t) => [t.name, t.reserved])).toEqual([
      ['@last', true],
      ['会员导出', false],
    ]);
    expect(unwrap(await v.engine.call('import.deleteMapping', { name: '会员导出' }))).toEqual({
      deleted: true,
    });
    const bad = await v.engine.call('import.preview', {
      file: { path: file },
      mapping: { 手机: 'phone', 电话: 'phone' },
    });
    expect(bad.ok ? null : bad.error.code).toBe('IMPORT_MAPPING_INVALID');
  });
});

describe('quarantine export and deleting the source file', () => {
  it('exports the quarantined rows as formula-safe CSV with BOM, never over an existing file', async () => {
    // Two lines that are not JSON, as a person might type them into a spreadsheet cell.
    const file = join(v.dir, 'risky.jsonl');
    writeFileSync(file, '{"name":"张三"}\n=HYPERLINK("http://example.invalid","点击")\n@SUM(1+1)\n');
    const r = (await run({ inputs: [{ file: { path: file } }] })).inputs[0];
    expect(r).toMatchObject({ imported: 1, quarantined: 2 });
    const out = join(v.dir, '隔离.csv');
    const exported = await call<{ path: string; rows: number }>('import.exportQuarantine', {
      out: { path: out },
      sourceId: r.sourceId,
    });
    expect(exported.rows).toBe(2);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('file,sheet,row,kind,reason,raw');
    expect(lines[1]).toMatch(
      /^risky\.jsonl,,2,bad-json,.*,"'=HYPERLINK\(""http:\/\/example\.invalid"",""点击""\)"$/,
    );
    expect(lines[2]).toMatch(/^risky\.jsonl,,3,bad-json,.*,'@SUM\(1\+1\)$/);
    const again = await v.engine.call('import.exportQuarantine', { out: { path: out } });
    expect(again.ok ? null : again.error.code).toBe('FILE_EXISTS');
    const audit = peek(v, (db) =>
      db.prepare("SELECT counts FROM audit WHERE op = 'import.exportQuarantine'").all(),
    ) as Array<{ counts: string }>;
    expect(audit.map((a) => JSON.parse(a.counts))).toEqual([{ rows: 2 }]);
  });

  it('deletes the plaintext source only when it matches an imported file, and records it', async () => {
    const other = join(v.dir, 'never-imported.csv');
    writeFileSync(other, '姓名\n某人\n');
    const refused = await v.engine.call('import.deleteSource', { file: { path: other } });
    expect(refused.ok ? null : refused.error.code).toBe('IMPORT_SOURCE_UNKNOWN');
    expect(existsSync(other)).toBe(true);

    const file = join(v.dir, 'risky.jsonl');
    const deleted = await call<{ sourceId: string; ssdCaveat: boolean; bytes: number }>(
      'import.deleteSource',
      {
        file: { path: file },
      },
    );
    expect(deleted.ssdCaveat).toBe(true);
    expect(existsSync(file)).toBe(false);
    const sources = unwrap(await v.engine.call('import.sources', {}));
    const source = sources.find((s) => s.id === deleted.sourceId)!;
    expect(source.name).toBe('risky.jsonl');
    expect(source.sourceDeletedAt).not.toBeNull();
    const audit = peek(v, (db) =>
      db.prepare("SELECT params FROM audit WHERE op = 'import.deleteSource'").get(),
    ) as { params: string };
    expect(JSON.parse(audit.params).sourceIds).toEqual([deleted.sourceId]);
    expect(audit.params).not.toContain('risky');
  });
});

// The records view on a real vault: search finds exactly the records containing the text (checked
// against a plain JavaScript scan of the same generated data), filters count right, a record's detail
// shows its provenance and history, and exports round-trip in every format with formulas neutralised.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord } from '../../../../shared/customer';
import { foldForMatching } from '../../../../shared/normalise/text';
import type { RecordFilter } from '../../../../shared/records';
import type { RecordPage } from '../../../../shared/contract';
import { appendAudit } from '../../../../electron/core/vault/audit';
import { generateCustomers } from '../../../fixtures/customers';
import { cliEnv, runCli } from '../../helpers';
import { insertCustomers, type StoredCustomer } from '../../support/records-fixture';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { withRawVault } from '../backup/backup-support';

jest.setTimeout(60_000);

const N = 12_000;
let v: VaultFixture;
const stored: StoredCustomer[] = [];
let sourceA = '';
let sourceB = '';
/** Record ids merged into another one (hidden by default) → the record they went into. */
const merged = new Map<number, number>();

const FORMULAS = ['=1+1', '+8613800138000', '-42', '@SUM(A1:A9)', '\tindent', '=HYPERLINK("http://x")'];

beforeAll(async () => {
  v = await makeVault();
  await withRawVault(v, (db) => {
    const rows = [...generateCustomers(20261128, N)];
    sourceA = insertCustomers(db, rows.slice(0, N / 2), {
      file: '客户名单.csv',
      onRow: (s) => stored.push(s),
      notes: (i) => (i < FORMULAS.length * 10 && i % 10 === 0 ? FORMULAS[i / 10] : undefined),
    }).sourceId;
    sourceB = insertCustomers(db, rows.slice(N / 2), {
      file: 'shop.csv',
      onRow: (s) => stored.push(s),
    }).sourceId;
    // Three merges: source B's rows into source A's records (and one merge of a merged record's survivor).
    const merge = db.prepare('UPDATE customers SET merged_into = ? WHERE id = ?');
    for (const [from, into] of [
      [stored[N / 2 + 1].id, stored[1].id],
      [stored[N / 2 + 2].id, stored[1].id],
      [stored[N / 2 + 3].id, stored[N / 2 + 1].id],
    ]) {
      merge.run(into, from);
      merged.set(from, into);
    }
    const actor = { userId: null, userName: 'owner' };
    appendAudit(db, actor, {
      op: 'import.run',
      params: { sources: [{ sourceId: sourceA, format: 'csv' }] },
      counts: { imported: N / 2 },
      outcome: 'ok',
    });
    appendAudit(db, actor, {
      op: 'duplicates.merge',
      params: { ids: [stored[1].id, stored[N / 2 + 1].id, stored[N / 2 + 2].id] },
      outcome: 'ok',
    });
    appendAudit(db, actor, { op: 'dispositions.set', params: { ids: [stored[2].id] }, outcome: 'ok' });
  });
}, 120_000);
afterAll(() => v.remove());

const visible = () => stored.filter((s) => !merged.has(s.id));

/** What the search must find: the folded query inside one of the searchable values. */
function contains(s: StoredCustomer, q: string): boolean {
  const needle = foldForMatching(q);
  const c = s.columns;
  return [
    c.name,
    c.organisation,
    c.phone,
    c.phone_raw?.replace(/\D+/g, ''),
    c.email,
    c.wechat,
    c.address,
  ].some((value) => value && foldForMatching(value).includes(needle));
}

async function query(input: Record<string, unknown>): Promise<RecordPage> {
  return unwrap(await v.engine.call('records.query', input));
}

async function allIds(input: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await query({ ...input, offset, limit: 500, count: 'none' });
    ids.push(...page.records.map((r) => r.id));
    if (page.records.length < 500) return ids;
  }
}

describe('records.query: search', () => {
  const pick = (i: number) => visible()[(i * 7919) % visible().length];
  const queries: string[] = [];
  beforeAll(() => {
    for (let i = 0; queries.length < 60; i++) {
      const s = pick(i);
      const c = s.columns;
      const kind = i % 5;
      if (kind === 0 && c.name && /^[\u4e00-\u9fff]{2,}/.test(c.name))
        queries.push(Array.from(c.name).slice(0, 2).join(''));
      if (kind === 1 && c.phone) queries.push(c.phone.slice(5, 9 + (i % 4)));
      if (kind === 2 && c.email) queries.push(c.email.slice(1, 6));
      if (kind === 3 && c.address)
        queries.push(
          Array.from(c.address)
            .slice(4, 7 + (i % 2))
            .join(''),
        );
      if (kind === 4 && c.name && /^[\u4e00-\u9fff]{3,}/.test(c.name))
        queries.push(Array.from(c.name).slice(1, 3).join(''));
    }
  });

  test('finds exactly the records containing each query (names, phones, e-mails, addresses)', async () => {
    expect(queries.length).toBe(60);
    for (const q of queries) {
      const expected = visible()
        .filter((s) => contains(s, q))
        .map((s) => s.id);
      expect({ q, ids: await allIds({ query: q }) }).toEqual({ q, ids: expected });
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  test('a full-width phone fragment and a name with spaces find the same records', async () => {
    const s = visible().find((x) => x.columns.phone?.startsWith('+861'))!;
    const digits = s.columns.phone!.slice(3, 10);
    const fullWidth = digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(await allIds({ query: fullWidth })).toEqual(await allIds({ query: digits }));
    expect(await allIds({ query: digits })).toContain(s.id);
  });

  test('the count is exact below the cap, and the first page comes in id order', async () => {
    const q = queries[0];
    const expected = visible().filter((s) => contains(s, q));
    const page = await query({ query: q, limit: 5 });
    expect(page.total).toBe(expected.length);
    expect(page.totalExact).toBe(true);
    expect(page.records.map((r) => r.id)).toEqual(expected.slice(0, 5).map((s) => s.id));
  });

  test('counts stop at 10 000 unless asked for the exact figure', async () => {
    const capped = await query({ limit: 10 });
    expect(capped).toMatchObject({ total: 10_000, totalExact: false });
    const exact = await query({ limit: 10, count: 'exact' });
    expect(exact).toMatchObject({ total: visible().length, totalExact: true });
  });

  test('nothing searchable finds nothing; merged records are found only with includeMerged', async () => {
    expect(await query({ query: '- . @' })).toMatchObject({ total: 0, records: [] });
    const [mergedId] = [...merged.keys()];
    const s = stored.find((x) => x.id === mergedId)!;
    const q = s.columns.email ?? s.columns.phone ?? s.columns.name!;
    expect(await allIds({ query: q })).not.toContain(mergedId);
    expect(await allIds({ query: q, filter: { includeMerged: true } })).toContain(mergedId);
  });

  test('sorting by name pages through the same set in name order', async () => {
    const q = queries[1];
    const byName = await allIds({ query: q, sort: { field: 'name', dir: 'desc' } });
    expect([...byName].sort((a, b) => a - b)).toEqual(await allIds({ query: q }));
    const names = (await query({ query: q, sort: { field: 'name', dir: 'desc' }, limit: 500 })).records.map(
      (r) => r.name ?? '',
    );
    const sorted = [...names].sort().reverse();
    // SQLite compares by code point (BINARY); JavaScript's default sort compares UTF-16 units: same for BMP text.
    expect(names).toEqual(sorted);
  });
});

describe('records.query: filters', () => {
  const cases: Array<[string, RecordFilter, (s: StoredCustomer) => boolean]> = [
    ['business', { type: 'business' }, (s) => s.cls.type === 'business'],
    ['unknown type', { type: 'unknown' }, (s) => s.cls.type === 'unknown'],
    ['overseas', { region: 'overseas' }, (s) => s.cls.region === 'overseas'],
    ['Hong Kong', { region: 'hk_mo_tw', regionCountry: 'hk' }, (s) => s.cls.region_country === 'HK'],
    ['unmatched category', { category: null }, (s) => s.cls.category === null],
    ['category', { category: 'repair-maintenance' }, (s) => s.cls.category === 'repair-maintenance'],
    ['category by zh name', { category: '维修保养' }, (s) => s.cls.category === 'repair-maintenance'],
    ['category by en name', { category: 'Consulting' }, (s) => s.cls.category === 'consulting'],
    [
      'category by an old default name',
      { category: '会员储值' },
      (s) => s.cls.category === 'prepaid-membership',
    ],
    ['no disposition', { disposition: null }, (s) => s.cls.disposition === null],
    ['DESTROY', { disposition: 'DESTROY' }, (s) => s.cls.disposition === 'DESTROY'],
    ['minor', { flags: { minor: true } }, (s) => s.cls.minor === 1],
    ['not stale', { flags: { stale: false } }, (s) => s.cls.stale === 0],
    ['sensitive', { flags: { sensitive: true } }, (s) => s.cls.sensitive !== ''],
    ['formula-like', { flags: { formulaLike: true } }, (s) => s.cls.formula_like === 1],
    ['incomplete', { flags: { incomplete: true } }, (s) => s.cls.incomplete === 1],
    ['type doubtful', { flags: { typeDoubtful: true } }, (s) => s.cls.type_doubtful === 1],
    ['region conflict', { flags: { regionConflict: true } }, (s) => s.cls.region_conflict === 1],
    ['invalid ID', { status: { idNumber: 'invalid' } }, (s) => s.columns.id_number_status === 'invalid'],
    ['legacy ID', { status: { idNumber: 'legacy' } }, (s) => s.columns.id_number_status === 'legacy'],
    ['missing phone', { status: { phone: 'missing' } }, (s) => s.columns.phone_status === 'missing'],
    ['invalid e-mail', { status: { email: 'invalid' } }, (s) => s.columns.email_status === 'invalid'],
    ['in a cluster', { cluster: true }, (s) => s.cls.cluster_id !== null],
    [
      'combined',
      { region: 'mainland', type: 'individual', flags: { stale: true, minor: false } },
      (s) =>
        s.cls.region === 'mainland' && s.cls.type === 'individual' && s.cls.stale === 1 && s.cls.minor === 0,
    ],
  ];

  test.each(cases)('%s', async (_name, filter, predicate) => {
    const expected = visible().filter(predicate);
    expect(expected.length).toBeGreaterThan(0);
    const page = await query({ filter, limit: 20, count: 'exact' });
    expect(page.total).toBe(expected.length);
    expect(page.records.map((r) => r.id)).toEqual(expected.slice(0, 20).map((s) => s.id));
  });

  test('by source: its own rows and the records that absorbed one of its rows', async () => {
    const ids = await allIds({ filter: { sourceId: sourceB } });
    const expected = visible()
      .filter((s) => s.id > stored[N / 2 - 1].id || s.id === stored[1].id)
      .map((s) => s.id);
    expect(ids).toEqual(expected);
  });

  test('a filter with a search: both apply', async () => {
    const q = visible()
      .find((s) => s.cls.region === 'mainland' && s.columns.phone)!
      .columns.phone!.slice(3, 7);
    const expected = visible().filter((s) => s.cls.region === 'mainland' && contains(s, q));
    const page = await query({ query: q, filter: { region: 'mainland' }, limit: 500, count: 'exact' });
    expect(page.total).toBe(expected.length);
    expect(page.records.map((r) => r.id)).toEqual(expected.slice(0, 500).map((s) => s.id));
  });

  test('an unknown filter key is refused with INVALID_INPUT', async () => {
    const res = await v.engine.call('records.query', { filter: { colour: 'red' } });
    expect(res.ok ? 'ok' : res.error.code).toBe('INVALID_INPUT');
  });
});

describe('records.get', () => {
  test('a record with merged rows: every source row with file and row, raw text, and its history', async () => {
    const survivor = stored[1];
    const detail = unwrap(await v.engine.call('records.get', { id: survivor.id }));
    expect(detail.record.id).toBe(survivor.id);
    expect(detail.record.sources.map((s) => [s.file, s.row])).toEqual([
      ['客户名单.csv', survivor.line],
      ['shop.csv', stored[N / 2 + 1].line],
      ['shop.csv', stored[N / 2 + 2].line],
      ['shop.csv', stored[N / 2 + 3].line], // merged into a record that was itself merged
    ]);
    expect(detail.sources[0].raw).toBe(Object.values(survivor.row).join(','));
    expect(detail.sources.map((s) => s.customerId)).toEqual([
      survivor.id,
      stored[N / 2 + 1].id,
      stored[N / 2 + 2].id,
      stored[N / 2 + 3].id,
    ]);
    expect(detail.history.map((h) => h.op)).toEqual(['import.run', 'duplicates.merge']);
  });

  test('history holds only entries about this record or its source', async () => {
    const other = stored[2];
    const detail = unwrap(await v.engine.call('records.get', { id: other.id }));
    expect(detail.history.map((h) => h.op)).toEqual(['import.run', 'dispositions.set']);
    const fromB = stored[N - 1];
    expect(unwrap(await v.engine.call('records.get', { id: fromB.id })).history).toEqual([]);
  });

  test('extra fields come back as text', async () => {
    const withExtra = stored.find((s) => s.cls.extra !== '{}')!;
    const detail = unwrap(await v.engine.call('records.get', { id: withExtra.id }));
    expect(detail.record.extra).toEqual(JSON.parse(withExtra.cls.extra));
  });

  test('an id that does not exist: RECORD_NOT_FOUND', async () => {
    const res = await v.engine.call('records.get', { id: 9_999_999 });
    expect(res.ok ? 'ok' : res.error.code).toBe('RECORD_NOT_FOUND');
  });
});

describe('records.export', () => {
  const filter: RecordFilter = { region: 'mainland' };
  let expected: CustomerRecord[] = [];
  beforeAll(async () => {
    const ids = await allIds({ filter });
    expected = [];
    for (let i = 0; i < ids.length; i += 500) {
      const page = await query({ filter, offset: i, limit: 500, count: 'none' });
      expected.push(...page.records);
    }
  });

  const exportTo = async (name: string, input: Record<string, unknown>) =>
    unwrap(await v.engine.call('records.export', { filter, file: { path: join(v.dir, name) }, ...input }));

  test('CSV (UTF-8 with BOM) round-trips every record and neutralises formula-like cells', async () => {
    const result = await exportTo('mainland.csv', { format: 'csv' });
    expect(result.count).toBe(expected.length);
    const bytes = readFileSync(result.path);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(expected.length);
    const unneutralise = (t: string) => (/^'[=+\-@\t\r]/.test(t) ? t.slice(1) : t);
    parsed.data.forEach((row, i) => {
      const r = expected[i];
      expect(Number(row.id)).toBe(r.id);
      expect(unneutralise(row.name)).toBe(r.name ?? '');
      expect(unneutralise(row.phone)).toBe(r.phone ?? '');
      expect(unneutralise(row.email)).toBe(r.email ?? '');
      expect(unneutralise(row.address)).toBe(r.address ?? '');
      expect(unneutralise(row.notes)).toBe(r.notes ?? '');
      expect(row.region).toBe(r.region);
      expect(row['source file']).toBe(r.sources[0].file);
      expect(Number(row['source row'])).toBe(r.sources[0].row);
      expect(row.minor).toBe(String(r.flags.minor));
      expect(row.disposition).toBe(r.disposition ?? '');
    });
    // No cell a spreadsheet would evaluate.
    const live = parsed.data.flatMap((row) => Object.values(row).filter((cell) => /^[=+\-@\t\r]/.test(cell)));
    expect(live).toEqual([]);
    const formulaRows = parsed.data.filter((row) => FORMULAS.includes(unneutralise(row.notes)));
    expect(formulaRows.map((row) => row.notes).sort()).toEqual(
      expected
        .filter((r) => FORMULAS.includes(r.notes ?? ''))
        .map((r) => `'${r.notes}`)
        .sort(),
    );
    expect(formulaRows.length).toBeGreaterThan(0);
  });

  test('CSV in GB18030 decodes to the same text as the UTF-8 export, with Chinese headers', async () => {
    const gb = await exportTo('mainland-gb.csv', { format: 'csv-gb18030', headers: 'zh-CN' });
    const utf = await exportTo('mainland-zh.csv', { format: 'csv', headers: 'zh-CN' });
    const gbBytes = readFileSync(gb.path);
    expect(gbBytes.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // Not valid UTF-8 (Chinese in GB18030 is not), but decodes to exactly the UTF-8 file's text.
    expect(gbBytes.toString('utf8')).toContain('\uFFFD');
    const text = iconv.decode(gbBytes, 'gb18030');
    expect(text).toBe(readFileSync(utf.path, 'utf8').slice(1));
    expect(text.split('\r\n')[0]).toMatch(/^编号,姓名,单位,电话/);
  });

  test('XLSX opens with exceljs: header, every record, neutralised text, numbers as numbers', async () => {
    const result = await exportTo('mainland.xlsx', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.path);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['id', 'name', 'organisation', 'phone']);
    const col = (name: string) => header.indexOf(name) + 1;
    for (const [i, r] of expected.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(r.id);
      for (const field of ['email', 'notes'] as const) {
        const cell = row.getCell(col(field)).value as string | null;
        const value = r[field];
        if (value && /^[=+\-@\t\r]/.test(value)) expect(cell).toBe(`'${value}`);
        else expect(cell ?? null).toBe(value);
      }
    }
  });

  test('JSON is every CustomerRecord, exactly as records.query gives it', async () => {
    const result = await exportTo('mainland.json', { format: 'json' });
    expect(JSON.parse(readFileSync(result.path, 'utf8'))).toEqual(expected);
  });

  test('a search export has just the matching records; each export is audited without path or text', async () => {
    const q = expected[0].address!.slice(0, 3);
    const result = await exportTo('search.json', { format: 'json', query: q, filter: {} });
    const all = visible().filter((s) => contains(s, q));
    expect((JSON.parse(readFileSync(result.path, 'utf8')) as CustomerRecord[]).map((r) => r.id)).toEqual(
      all.map((s) => s.id),
    );
    const entries = unwrap(await v.engine.call('audit.list', { op: 'records.export', limit: 1 }));
    expect(entries[0]).toMatchObject({
      op: 'records.export',
      params: { format: 'json', searched: true, filter: {} },
      counts: { records: all.length },
    });
    expect(JSON.stringify(entries[0])).not.toContain(q);
    expect(JSON.stringify(entries[0])).not.toContain('search.json');
  });

  test('an existing file chosen in the save dialog is replaced whole; nothing is left beside it', async () => {
    const target = join(v.dir, 'replace.csv');
    writeFileSync(target, 'old content');
    await exportTo('replace.csv', { format: 'csv', filter: { disposition: 'DESTROY' } });
    expect(readFileSync(target, 'utf8')).not.toContain('old content');
    expect(readdirSync(v.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a folder that does not exist: WRITE_FAILED, nothing written', async () => {
    const res = await v.engine.call('records.export', {
      format: 'csv',
      file: { path: join(v.dir, 'no-such-folder', 'x.csv') },
    });
    expect(res.ok ? 'ok' : res.error.code).toBe('WRITE_FAILED');
    expect(existsSync(join(v.dir, 'no-such-folder'))).toBe(false);
  });

  test('cancelled: no file and no temporary file', async () => {
    const jobId = 'records-export-cancel-1';
    const pending = v.engine.call(
      'records.export',
      { format: 'json', filter: {}, file: { path: join(v.dir, 'cancelled.json') } },
      { jobId },
    );
    await v.engine.call('job.cancel', { job: jobId });
    const res = await pending;
    expect(res.ok ? 'ok' : res.error.code).toBe('CANCELLED');
    expect(existsSync(join(v.dir, 'cancelled.json'))).toBe(false);
    expect(readdirSync(v.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('closeout records (CLI)', () => {
  const env = () => cliEnv(v.dataDir, { CLOSEOUT_PASSPHRASE: OWNER_PASS });
  beforeAll(() => v.engine.call('vault.lock', {}));

  test('JSON on standard output: every record with sources, classification, statuses and flags', () => {
    const res = runCli(['records', v.file, '--filter', '{"region":"hk_mo_tw"}'], env());
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const records = JSON.parse(res.stdout) as CustomerRecord[];
    const expected = visible().filter((s) => s.cls.region === 'hk_mo_tw');
    expect(records.map((r) => r.id)).toEqual(expected.map((s) => s.id));
    const first = records[0];
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'sources',
        'type',
        'region',
        'regionCountry',
        'category',
        'status',
        'flags',
        'cluster',
        'disposition',
      ]),
    );
    expect(first.sources[0]).toMatchObject({ file: expect.any(String), row: expected[0].line });
    expect(first.status).toEqual({
      phone: expected[0].columns.phone_status,
      email: expected[0].columns.email_status,
      wechat: expected[0].columns.wechat_status,
      idNumber: expected[0].columns.id_number_status,
      creditCode: expected[0].columns.credit_code_status,
    });
  });

  test('--query and --format csv --encoding gb18030 --out; xlsx without --out is refused', () => {
    const s = visible().find((x) => x.columns.email)!;
    const out = join(v.dir, 'cli.csv');
    const res = runCli(
      [
        'records',
        v.file,
        '--query',
        s.columns.email!,
        '--format',
        'csv',
        '--encoding',
        'gb18030',
        '--out',
        out,
        '--json',
      ],
      env(),
    );
    expect(res.status).toBe(0);
    const summary = JSON.parse(res.stdout) as { count: number; format: string };
    const expected = visible().filter((x) => contains(x, s.columns.email!));
    expect(summary).toMatchObject({ count: expected.length, format: 'csv-gb18030' });
    const rows = Papa.parse<Record<string, string>>(iconv.decode(readFileSync(out), 'gb18030'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => Number(r.id))).toEqual(expected.map((x) => x.id));

    const refused = runCli(['records', v.file, '--format', 'xlsx'], env());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('INVALID_INPUT');
    const badFilter = runCli(['records', v.file, '--filter', '{"colour":1}'], env());
    expect(badFilter.status).not.toBe(0);
    expect(badFilter.stderr).toContain('INVALID_INPUT');
  });
});

// The page layout the records wipe's verification relies on, against SQLite itself (a plain database
// file, 4096-byte pages): every stored value lies inside one field; bytes that only read as a value where
// two fields meet straddle them; a value left in free space (a row deleted without secure_delete) or
// stored inside a single field is never taken for a coincidence.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageLayout, straddlesFields } from '../../../../electron/core/wipe/page-cells';

const PAGE = 4096;

function places(file: string, value: string): Array<{ page: number; straddles: boolean | null }> {
  const bytes = readFileSync(file);
  const needle = Buffer.from(value);
  const out: Array<{ page: number; straddles: boolean | null }> = [];
  for (let p = 1; p * PAGE <= bytes.length; p++) {
    const page = bytes.subarray((p - 1) * PAGE, p * PAGE);
    const layout = pageLayout(page, p, PAGE);
    for (let at = page.indexOf(needle); at >= 0; at = page.indexOf(needle, at + 1))
      out.push({ page: p, straddles: layout ? straddlesFields(layout, at, needle.length) : null });
  }
  return out;
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'closeout-page-cells-'));
  file = join(dir, 'plain.db');
  const db = new Database(file);
  db.pragma('secure_delete = ON'); // page splits leave no stale copies of cells behind…
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name_key TEXT, type TEXT, note TEXT);
           CREATE INDEX t_name ON t (name_key);`);
  const insert = db.prepare('INSERT INTO t (name_key, type, note) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`key ${i} wang zile`, 'individual', `note number ${i}`);
    insert.run('only here: wang zilei', 'individual', 'x');
    insert.run('deleted: liu pinglei', 'individual', 'y'.repeat(9000)); // overflows
  })();
  db.pragma('secure_delete = OFF'); // …but this delete leaves its row in free space
  db.prepare(`DELETE FROM t WHERE name_key = 'deleted: liu pinglei'`).run();
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a value stored in a field lies inside that field, on table and index pages alike', () => {
  const found = places(file, 'key 1234 wang zile');
  expect(found.length).toBe(2); // the row and its index entry
  expect(found.every((f) => f.straddles === false)).toBe(true);
  expect(places(file, 'note number 2999')).toEqual([expect.objectContaining({ straddles: false })]);
});

test('bytes that only read as a value where two fields meet straddle them', () => {
  const found = places(file, 'key 77 wang zilei'); // "…wang zile" then "individual"
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((f) => f.straddles === true)).toBe(true);
});

test('a value held inside one field is stored, not a coincidence, even next to a matching neighbour', () => {
  const found = places(file, 'wang zilei').filter((f) => f.straddles === false);
  expect(found.length).toBeGreaterThanOrEqual(2); // "only here: wang zilei" in the row and the index
});

test('a value left in free space after a delete is never taken for a coincidence', () => {
  const found = places(file, 'deleted: liu pinglei');
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((f) => f.straddles !== true)).toBe(true);
});

test('a page that is no b-tree page has no layout', () => {
  const page = Buffer.alloc(PAGE); // a zeroed freelist leaf or overflow page
  expect(pageLayout(page, 2, PAGE)).toBeNull();
  page[0] = 13;
  page[4] = 1; // one cell whose pointer points into the header
  expect(pageLayout(page, 2, PAGE)).toBeNull();
});

// The records wipe's verification: after the purge, VACUUM and the WAL truncated, every page of the vault
// file is decrypted by Closeout's own SQLCipher reader (not SQLite's) and searched for every purged value.
// A value found there that a kept row still holds (a shared phone number, a common name) is no residue;
// nor is one found only where two neighbouring fields of a live record happen to read as it (a kept
// "wang zile" then "individual" holds "wang zilei"); any other is. Also: the targets are gone from every
// table, the pages are sound, the audit chain holds.
import { existsSync, statSync } from 'node:fs';
import type { WipeCheck, WipeVerification } from '../../../shared/contract';
import type { WipeScope } from '../kernel/customer-copies';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { auditReport } from '../vault/check-vault';
import { valueColumns } from './anonymise';
import { copiesLeft, type Targets } from './purge-records';
import { pageLayout, straddlesFields } from './page-cells';
import { PAGE_USABLE, readDecryptedPages } from './sqlcipher-pages';
import { ValueScanner } from './value-scan';

/** Values among `found` that some live cell of the vault still holds (any table but the derived ones). */
function heldByLiveRows(db: VaultDb, found: string[]): Set<string> {
  const scanner = new ValueScanner(found);
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
       AND name NOT LIKE 'customers_fts_%'`,
    )
    .all() as Array<{ name: string }>;
  const feed = (value: unknown) => {
    if (typeof value === 'string') scanner.scan(Buffer.from(value, 'utf8'));
  };
  for (const row of db.prepare('SELECT sql FROM sqlite_master').iterate())
    feed((row as { sql: unknown }).sql);
  for (const { name } of tables)
    for (const row of db
      .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
      .raw()
      .iterate())
      for (const value of row as unknown[]) feed(value);
  return new Set(scanner.found());
}

/**
 * Values among `candidates` found on the pages only across the fields of live records: every place the
 * value lies on every page straddles two fields (or a field and a cell header) of live cells. A second
 * pass over the pages, run only when the first found values that no live cell holds.
 */
function onlyAcrossFields(file: string, key: Buffer, candidates: string[]): Set<string> {
  const scanner = new ValueScanner(candidates);
  const stored = new Set<string>();
  const across = new Set<string>();
  readDecryptedPages(file, key, (page, plain) => {
    const places = scanner.occurrences(plain);
    if (!places.length) return;
    const layout = pageLayout(plain, page, PAGE_USABLE);
    for (const { value, at } of places)
      if (layout && straddlesFields(layout, at, Buffer.byteLength(value))) across.add(value);
      else stored.add(value);
  });
  return new Set([...across].filter((v) => !stored.has(v)));
}

const inList = (ids: number[]) => JSON.stringify(ids);

function targetsGone(db: VaultDb, targets: Targets, scope: WipeScope): WipeCheck {
  const all = inList([...targets.destroy, ...targets.anonymise]);
  const rows = (
    db
      .prepare('SELECT count(*) AS n FROM customers WHERE id IN (SELECT value FROM json_each(?))')
      .get(inList(targets.destroy)) as { n: number }
  ).n;
  const indexed = (
    db
      .prepare('SELECT count(*) AS n FROM customers_fts WHERE rowid IN (SELECT value FROM json_each(?))')
      .get(all) as { n: number }
  ).n;
  const columns = valueColumns(db);
  const withValues = columns.length
    ? (
        db
          .prepare(
            `SELECT count(*) AS n FROM customers WHERE id IN (SELECT value FROM json_each(?))
             AND (${columns.map((c) => `coalesce(${c}, '') NOT IN ('', '{}')`).join(' OR ')})`,
          )
          .get(inList(targets.anonymise)) as { n: number }
      ).n
    : 0;
  const left = Object.entries(copiesLeft(db, targets, scope));
  const ok = rows === 0 && indexed === 0 && withValues === 0 && left.length === 0;
  return {
    name: 'targets-gone',
    ok,
    detail: ok
      ? `${targets.destroy.length} rows gone, ${targets.anonymise.length} reduced, none in the search index, no declared copy left`
      : `${rows} rows left, ${indexed} still indexed, ${withValues} reduced records still hold values` +
        (left.length ? `; copies left: ${left.map(([t, n]) => `${t} ${n}`).join(', ')}` : ''),
  };
}

export async function verifyPurge(
  vault: OpenVault,
  values: readonly string[],
  targets: Targets,
  scope: WipeScope,
): Promise<WipeVerification> {
  const checks: WipeCheck[] = [];
  const wal = `${vault.file}-wal`;
  const walBytes = existsSync(wal) ? statSync(wal).size : 0;
  checks.push({ name: 'wal-truncated', ok: walBytes === 0, detail: `${walBytes} bytes in the WAL` });

  const scanner = new ValueScanner(values);
  const key = vault.vaultKey();
  let read: ReturnType<typeof readDecryptedPages>;
  let held: Set<string>;
  let across: Set<string>;
  let candidates: string[];
  try {
    read = readDecryptedPages(vault.file, key, (_page, plain) => scanner.scan(plain));
    const found = scanner.found();
    held = found.length ? heldByLiveRows(vault.db, found) : new Set<string>();
    candidates = found.filter((v) => !held.has(v));
    across = candidates.length ? onlyAcrossFields(vault.file, key, candidates) : new Set<string>();
  } finally {
    key.fill(0);
  }
  checks.push({
    name: 'pages-authentic',
    ok: read.problems.length === 0,
    detail: read.problems.length
      ? `page ${read.problems[0].page}: ${read.problems[0].kind}`
      : `${read.pages} pages decrypted, every HMAC verified`,
  });
  const residue = candidates.length - across.size;
  const explained = [
    held.size ? `${held.size} more are also held by kept rows` : '',
    across.size ? `${across.size} more only where two fields of a live record meet` : '',
  ].filter(Boolean);
  checks.push({
    name: 'purged-values-absent',
    ok: residue === 0,
    detail:
      `${scanner.size} values looked for on ${read.pages} pages; ${residue} found` +
      (explained.length ? ` (${explained.join('; ')})` : ''),
  });
  checks.push(targetsGone(vault.db, targets, scope));

  const quick = (vault.db.pragma('quick_check') as Array<Record<string, string>>).map((r) =>
    String(Object.values(r)[0]),
  );
  checks.push({ name: 'quick-check', ok: quick.join() === 'ok', detail: quick.slice(0, 3).join('; ') });
  const audit = await auditReport(vault, null); // the chain and its signatures; pins are vault.check's
  checks.push({
    name: 'audit-chain',
    ok: audit.ok,
    detail: audit.ok
      ? `${audit.entries} entries`
      : `entry ${audit.firstProblem?.seq}: ${audit.firstProblem?.kind}`,
  });
  return {
    ok: checks.every((c) => c.ok),
    checks,
    pagesRead: read.pages,
    valuesChecked: scanner.size,
    valuesFound: residue,
  };
}

// A vault filled the real way for the wipe's tests: a generated CSV (with a few rows that name no one,
// which the import quarantines) imported through import.run, duplicates detected and some merged, and
// seeded random dispositions (RETAIN with a basis and retain-until, TRANSFER, ANONYMISE, DESTROY, none).
import Database from 'better-sqlite3-multiple-ciphers';
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord, Disposition } from '../../../shared/customer';
import { generateCustomers } from '../../fixtures/customers';
import { Random } from '../../fixtures/random';
import { csvRecord, encodeCsv } from '../../fixtures/write-csv';
import type { EngineClient } from '../../../electron/core/host/in-process';
import { makeVault, unwrap, type VaultFixture } from './vault-fixture';

export interface FilledVault extends VaultFixture {
  /** Every record before the wipe (the JSON export), by id. */
  before: Map<number, CustomerRecord>;
  /** The unique text of each quarantined row (to look for afterwards). */
  quarantineMarkers: string[];
}

export async function exportAll(engine: EngineClient, dir: string, name: string): Promise<CustomerRecord[]> {
  const out = join(dir, `${name}.json`);
  unwrap(
    await engine.call('records.export', {
      format: 'json',
      file: { path: out },
      filter: { includeMerged: true },
    }),
  );
  return JSON.parse(readFileSync(out, 'utf8')) as CustomerRecord[];
}

const CYCLE: Array<Disposition | null> = ['RETAIN', 'TRANSFER', 'ANONYMISE', 'DESTROY', null];

/** Sets dispositions at random (seeded): each record one of CYCLE. */
async function randomDispositions(engine: EngineClient, ids: number[], seed: number): Promise<void> {
  const r = new Random(seed);
  const by = new Map<Disposition | null, number[]>();
  for (const id of ids) {
    const d = CYCLE[r.int(0, CYCLE.length - 1)];
    by.set(d, [...(by.get(d) ?? []), id]);
  }
  for (const [d, list] of by) {
    if (d === null || list.length === 0) continue;
    for (let i = 0; i < list.length; i += 1000) {
      const chunk = list.slice(i, i + 1000);
      const set =
        d === 'RETAIN'
          ? {
              disposition: 'RETAIN' as const,
              basis: `合同约定保留 contract ${seed}`,
              retainUntil: '2040-12-31',
            }
          : d === 'TRANSFER'
            ? { disposition: 'TRANSFER' as const, recipient: '承接公司 Successor Ltd' }
            : { disposition: d };
      unwrap(await engine.call('dispositions.set', { ids: chunk, set }));
    }
  }
}

export async function fillVault(
  options: { seed?: number; count?: number; merge?: boolean; clientName?: string } = {},
): Promise<FilledVault> {
  const seed = options.seed ?? 7;
  const v = await makeVault({ clientName: options.clientName });
  const generated = [...generateCustomers(seed, options.count ?? 300)];
  const file = join(v.dir, '客户名单.csv');
  const quarantineMarkers = [0, 1, 2].map((i) => `隔离行备注标记${seed}-${i}-独有文本`);
  const extra = quarantineMarkers
    .map((m) => csvRecord(['', '', '', '', '', '', '', '', '', '', m]))
    .join('\r\n');
  writeFileSync(file, Buffer.concat([encodeCsv(generated.map((g) => g.row)), Buffer.from(extra + '\r\n')]));
  unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
  if (options.merge !== false) {
    unwrap(await v.engine.call('duplicates.run', {}));
    const page = unwrap(await v.engine.call('duplicates.clusters', { limit: 10 }));
    for (const c of page.clusters.slice(0, 5))
      unwrap(await v.engine.call('duplicates.merge', { clusterId: c.id }));
  }
  const active = (await exportAll(v.engine, v.dir, 'active')).filter((r) => r.mergedInto === null);
  await randomDispositions(
    v.engine,
    active.map((r) => r.id),
    seed,
  );
  const before = new Map((await exportAll(v.engine, v.dir, 'before')).map((r) => [r.id, r]));
  return { ...v, before, quarantineMarkers };
}

/** The customer values of a record that a wipe must remove (6 bytes or more, as the wipe looks for). */
export function valuesOf(r: CustomerRecord): string[] {
  return [
    r.name,
    r.organisation,
    r.phone,
    r.email,
    r.idNumber,
    r.creditCode,
    r.address,
    r.notes,
    ...Object.values(r.extra),
  ].filter((v): v is string => typeof v === 'string' && Buffer.byteLength(v) >= 6);
}

/**
 * Every page of a SQLCipher 4 file decrypted by the test itself (raw key, 4096-byte pages, 80 reserved),
 * independent of the product's reader: the plaintext of all pages, concatenated.
 */
export function decryptVault(file: string, key: Buffer): Buffer {
  const bytes = readFileSync(file);
  const pages: Buffer[] = [];
  void pbkdf2Sync; // the HMAC key is not needed to read: SQLite checked the pages already
  for (let at = 0; at + 4096 <= bytes.length; at += 4096) {
    const page = bytes.subarray(at, at + 4096);
    const body = page.subarray(at === 0 ? 16 : 0, 4096 - 80);
    const iv = page.subarray(4096 - 80, 4096 - 64);
    const d = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    pages.push(d.update(body), d.final());
  }
  return Buffer.concat(pages);
}

/** Opens a SQLCipher 4 file with a raw key or a passphrase; true when a page can be read. */
export function opens(file: string, key: { raw: Buffer } | { passphrase: string }): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key('raw' in key ? Buffer.from(`x'${key.raw.toString('hex')}'`) : Buffer.from(key.passphrase));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

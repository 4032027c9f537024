// The registry of client vaults (vaults.json in the data folder): paths, client names and stages so
// an accountant sees every closure at once. It never holds a secret or a customer value.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CLOSURE_STAGES, type VaultSummary } from '../../../shared/contract';
import { KEY_DATE_KINDS } from '../../../shared/compliance/key-dates';
import { ensureDataDir } from '../app/data-dir';
import { EngineError } from '../kernel/engine-error';
import { writeFileAtomic } from '../util/atomic-write';
import { describeZodError } from '../../../shared/zod-message';

const REGISTRY_FILE = 'vaults.json';

const entrySchema = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  clientName: z.string(),
  creditCode: z.string().nullable(),
  stage: z.enum(CLOSURE_STAGES),
  lastOpenedAt: z.string().nullable(),
  lastBackupAt: z.string().nullable(),
  // Backup health, readable without unlocking (dates and an id only): written when a backup of the
  // vault is verified or drilled. Absent in registries written before them.
  lastVerifiedBackupAt: z.string().nullable().default(null),
  lastRestoreVerifiedAt: z.string().nullable().default(null),
  lastVerifyFailure: z.object({ at: z.string(), backupId: z.string() }).nullable().default(null),
  // Closure progress, readable without unlocking (two counts, no customer value): written when an
  // import or a disposition changes them. Null until the vault first had customer records.
  customers: z.number().int().nonnegative().nullable().default(null),
  withoutDisposition: z.number().int().nonnegative().nullable().default(null),
  // The closure plan, readable without unlocking (a kind of date, a date and a count): written whenever
  // the plan is worked out (after imports, disposition changes, backups, locks). Absent in older files.
  nextDeadline: z
    .object({ kind: z.enum(KEY_DATE_KINDS), date: z.string() })
    .nullable()
    .default(null),
  blockers: z.number().int().nonnegative().nullable().default(null),
  // Evidence outside the vault (anchors.ts): the newest signed audit head Closeout saw for this vault,
  // and the company CA fingerprints pinned for it. Absent in registries written before them.
  anchor: z
    .object({
      seq: z.int().positive(),
      hash: z.string(),
      at: z.string(),
      signer: z.string(),
      signature: z.string(),
    })
    .nullable()
    .default(null),
  pinnedCompany: z.array(z.string()).default([]),
});

const registrySchema = z.object({ version: z.literal(1), vaults: z.array(entrySchema) });

export type RegistryEntry = z.infer<typeof entrySchema>;

export function registryPath(dataDir: string): string {
  return join(dataDir, REGISTRY_FILE);
}

export function readRegistry(dataDir: string): RegistryEntry[] {
  const file = registryPath(dataDir);
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EngineError('REGISTRY_CORRUPT', { path: file, reason: (error as Error).message });
  }
  const result = registrySchema.safeParse(parsed);
  if (!result.success)
    throw new EngineError('REGISTRY_CORRUPT', { path: file, reason: describeZodError(result.error) });
  return result.data.vaults;
}

export function listVaults(dataDir: string): VaultSummary[] {
  return readRegistry(dataDir).map(({ anchor: _anchor, pinnedCompany: _pins, ...entry }) => ({
    ...entry,
    present: existsSync(entry.path),
  }));
}

function writeRegistry(dataDir: string, vaults: RegistryEntry[]): void {
  ensureDataDir(dataDir);
  try {
    writeFileAtomic(registryPath(dataDir), JSON.stringify({ version: 1, vaults }, null, 2) + '\n');
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: registryPath(dataDir),
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/** Adds or updates the entry for a vault id (matching by id, so a moved vault keeps its history). */
export function upsertRegistry(
  dataDir: string,
  entry: Partial<RegistryEntry> & Pick<RegistryEntry, 'id'>,
): RegistryEntry {
  const vaults = readRegistry(dataDir);
  const index = vaults.findIndex((v) => v.id === entry.id);
  const base: RegistryEntry =
    index >= 0
      ? vaults[index]
      : {
          id: entry.id,
          path: '',
          clientName: '',
          creditCode: null,
          stage: 'setup',
          lastOpenedAt: null,
          lastBackupAt: null,
          lastVerifiedBackupAt: null,
          lastRestoreVerifiedAt: null,
          lastVerifyFailure: null,
          customers: null,
          withoutDisposition: null,
          nextDeadline: null,
          blockers: null,
          anchor: null,
          pinnedCompany: [],
        };
  const next = {
    ...base,
    ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)),
  } as RegistryEntry;
  if (index >= 0) vaults[index] = next;
  else vaults.push(next);
  writeRegistry(dataDir, vaults);
  return next;
}

export function forgetVault(dataDir: string, id: string): boolean {
  const vaults = readRegistry(dataDir);
  const remaining = vaults.filter((v) => v.id !== id);
  if (remaining.length === vaults.length) return false;
  writeRegistry(dataDir, remaining);
  return true;
}

export function findRegistered(dataDir: string, id: string): RegistryEntry {
  const entry = readRegistry(dataDir).find((v) => v.id === id);
  if (!entry) throw new EngineError('VAULT_NOT_REGISTERED', { vaultId: id });
  return entry;
}

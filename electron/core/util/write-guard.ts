// The one check before Closeout writes a file a person named (an export, a quarantine export, a recovery
// sheet, an audit export, a certificate, a backup's files, a restored vault): the target is not a file
// Closeout manages, and not a symbolic link. Managed: the unlocked vault with its side files (WAL, SHM,
// journal, pre-migration copies) and its keyring (with anything named after it), every backup in its
// backups table (file, manifest, signature), the registry, and every vault the registry lists with its
// keyring. Compared by real location (every symlink in the folders resolved, case folded where the file
// system ignores case) and, for files that exist, by device and inode (a hard link is the same file).
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { listBackups } from '../backup/backups-table';
import { manifestPathFor, signaturePathFor } from '../backup/manifest';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';
import { keyringPathFor } from '../vault/keyring';
import { readRegistry, registryPath } from '../vault/registry';

export interface WriteScope {
  /** The unlocked vault, if any. */
  readonly vault: { readonly file: string; readonly db: VaultDb } | null;
  /** The data folder (registry and registered vaults), if the caller has one. */
  readonly dataDir: string | null;
}

const CASELESS = process.platform === 'darwin' || process.platform === 'win32';
const fold = (text: string) => (CASELESS ? text.toLowerCase() : text);

interface Location {
  dir: string;
  name: string;
}

/** Where a path really is: its folder with every link resolved, and its own name. */
function locationOf(path: string): Location {
  const absolute = resolve(path);
  let dir: string;
  try {
    dir = realpathSync.native(dirname(absolute));
  } catch {
    dir = dirname(absolute);
  }
  return { dir: fold(dir), name: fold(basename(absolute)) };
}

/** A managed path's locations: as named, and (when it is itself a link) where it points. */
function locationsOf(path: string): Location[] {
  const named = locationOf(path);
  try {
    const real = realpathSync.native(path);
    return [named, { dir: fold(dirname(real)), name: fold(basename(real)) }];
  } catch {
    return [named];
  }
}

/**
 * The vault's own name, its SQLite side files, its keyring (and its side data), pre-migration copies,
 * and the re-encrypted copy a key rotation is writing (`.<vault>.<hex>.rekey`, with its side files).
 */
function isVaultFileName(name: string, vaultName: string): boolean {
  if (name === vaultName || name.startsWith(`${vaultName}.keys`)) return true;
  if (['-wal', '-shm', '-journal'].some((suffix) => name === vaultName + suffix)) return true;
  if (name.startsWith(`.${vaultName}.`) && /\.rekey(-wal|-shm|-journal)?$/.test(name)) return true;
  return name.startsWith(`${vaultName}.schema-v`) && name.endsWith('.bak');
}

function identity(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

interface Managed {
  vaults: string[];
  files: string[];
}

function managedFiles(scope: WriteScope): Managed {
  const vaults: string[] = [];
  const files: string[] = [];
  if (scope.vault) {
    vaults.push(scope.vault.file);
    for (const backup of listBackups(scope.vault.db))
      files.push(backup.path, manifestPathFor(backup.path), signaturePathFor(backup.path));
  }
  if (scope.dataDir) {
    files.push(registryPath(scope.dataDir));
    // A registry that cannot be read fails the write (REGISTRY_CORRUPT): it may list the target.
    for (const entry of readRegistry(scope.dataDir)) if (entry.path) vaults.push(entry.path);
  }
  return { vaults, files };
}

/** Throws FILE_IS_SYMLINK or FILE_MANAGED (naming `target`) unless Closeout may write `target`. */
export function guardWrite(target: string, scope: WriteScope): void {
  let own: Stats | null = null;
  try {
    own = lstatSync(target);
  } catch {
    /* not there yet: compared by location only */
  }
  if (own?.isSymbolicLink()) throw new EngineError('FILE_IS_SYMLINK', { path: target });
  const at = locationOf(target);
  const { vaults, files } = managedFiles(scope);
  const refuse = () => new EngineError('FILE_MANAGED', { path: target });

  for (const vault of vaults)
    for (const place of locationsOf(vault))
      if (place.dir === at.dir && isVaultFileName(at.name, place.name)) throw refuse();
  for (const file of files)
    for (const place of locationsOf(file)) if (place.dir === at.dir && place.name === at.name) throw refuse();

  if (own) {
    const exact = [...files, ...vaults.flatMap((v) => [v, `${v}-wal`, `${v}-shm`, keyringPathFor(v)])];
    for (const file of exact) {
      const other = identity(file);
      if (other && other.dev === own.dev && other.ino === own.ino) throw refuse();
    }
  }
}

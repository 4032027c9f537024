// The scopes of a wipe that live outside the vault: the files Closeout wrote (from the outputs register),
// original import files asked for by path (only those whose SHA-256 is a recorded source), and the
// backups in the vault's list. Planned first — each with the action it gets and why — then carried out
// file by file, each journalled before it is touched.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileRef, WipeBackup, WipeFile } from '../../../shared/contract';
import { listBackups } from '../backup/backups-table';
import { manifestPathFor, signaturePathFor } from '../backup/manifest';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import type { VaultDb } from '../vault/database';
import type { Journal } from './journal';
import { contentOf, fileSha256, listOutputs, type OutputContent } from './outputs';
import { overwriteAndDelete } from '../util/wipe-file';

/** A file of the plan with what the wipe needs to carry it out (not shown to the window). */
export type PlannedFile = WipeFile & { outputId?: number; sourceIds?: string[] };

function hashIfPresent(path: string): { sha256: string; bytes: number } | null {
  try {
    return existsSync(path) ? fileSha256(path) : null;
  } catch {
    return null;
  }
}

/**
 * The outputs register as a plan: kinds whose content is in `destroy` are overwritten when still as
 * written; evidence is kept; others are listed as not included, so the certificate says they still exist.
 */
export function planOutputs(db: VaultDb, destroy: readonly OutputContent[]): PlannedFile[] {
  return listOutputs(db).map((o) => {
    const content = contentOf(o.kind);
    const base = {
      kind: o.kind,
      path: o.path,
      bytes: o.bytes,
      sha256: o.sha256,
      done: false,
      outputId: o.id,
    };
    if (!destroy.includes(content))
      return { ...base, action: 'keep', reason: content === 'evidence' ? 'evidence' : 'not-included' };
    const now = hashIfPresent(o.path);
    if (!now) return { ...base, action: 'skip', reason: 'missing' };
    if (now.sha256 !== o.sha256) return { ...base, action: 'skip', reason: 'changed' };
    return { ...base, action: 'overwrite', reason: null };
  });
}

/** Import files asked for by path: each must be a recorded source (by SHA-256), or nothing happens. */
export function planSources(db: VaultDb, refs: readonly FileRef[]): PlannedFile[] {
  const find = db.prepare('SELECT id FROM sources WHERE sha256 = ? ORDER BY imported_at');
  return refs.map((ref) => {
    const path = pathOf(ref);
    const hashed = hashIfPresent(path);
    if (!hashed) throw new EngineError('FILE_UNREADABLE', { path, reason: 'ENOENT' });
    const ids = (find.all(hashed.sha256) as Array<{ id: string }>).map((r) => r.id);
    if (ids.length === 0) throw new EngineError('WIPE_SOURCE_UNKNOWN', { path: basename(path) });
    return {
      kind: 'import-source',
      path,
      bytes: hashed.bytes,
      sha256: hashed.sha256,
      action: 'overwrite',
      reason: null,
      done: false,
      sourceIds: ids,
    };
  });
}

/** Every backup copy the vault ever made, and what a wipe does with each. */
export function planBackups(db: VaultDb, include: boolean): WipeBackup[] {
  return listBackups(db).map((b) => ({
    backupId: b.id,
    createdAt: b.createdAt,
    path: b.path,
    volume: b.volume,
    sha256: b.sha256,
    action: b.deletedAt
      ? 'deleted-earlier'
      : !include
        ? 'not-included'
        : b.present
          ? 'overwrite'
          : 'unreadable',
    present: b.present,
    done: false,
    failed: null,
  }));
}

/** Overwrites one planned file (if not done by an earlier run); a file whose overwrite began is finished. */
export function carryOut(journal: Journal, path: string, expectSha256: string | null): string {
  const done = journal.fileDone(path);
  if (done) return done;
  // Begun by a run that was killed: its bytes may be half overwritten, so its hash no longer matches.
  const begun = journal.fileBegun(path);
  journal.fileBegin(path);
  const outcome = overwriteAndDelete(path, { expectSha256: begun ? null : expectSha256 });
  // Gone after an earlier run began it: that run overwrote it and was killed before it said so.
  const result = begun && outcome.result === 'missing' ? 'overwritten' : outcome.result;
  journal.fileEnd(path, result);
  return result;
}

/** Overwrites a backup copy and the two files beside it; its result is the backup file's. */
export function carryOutBackup(journal: Journal, backup: WipeBackup): string {
  const result = carryOut(journal, backup.path, backup.sha256);
  if (result === 'overwritten' || result === 'missing') {
    carryOut(journal, manifestPathFor(backup.path), null);
    carryOut(journal, signaturePathFor(backup.path), null);
  }
  return result;
}

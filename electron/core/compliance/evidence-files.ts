// Evidence files a person attaches (a signed agreement, a scanned undertaking, a screenshot of a notice):
// read whole, hashed, stored inside the encrypted vault (table compliance_files), never left beside it.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EvidenceFileRef, FileRef } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import type { VaultDb } from '../vault/database';

const EVIDENCE_FILE_MAX_BYTES = 20 * 1024 * 1024;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

export interface ReadEvidence {
  name: string;
  sha256: string;
  content: Buffer;
}

/** Reads the file before any change is made, so a bad file changes nothing. */
export function readEvidenceFile(ref: FileRef): ReadEvidence {
  const path = pathOf(ref);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new EngineError('FILE_UNREADABLE', { path, reason: 'not a regular file' });
    size = stat.size;
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (size > EVIDENCE_FILE_MAX_BYTES)
    throw new EngineError('EVIDENCE_FILE_TOO_LARGE', {
      path,
      size: mib(size),
      limit: mib(EVIDENCE_FILE_MAX_BYTES),
    });
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return { name: basename(path), sha256: createHash('sha256').update(content).digest('hex'), content };
}

/** Inside the caller's transaction. */
export function storeEvidenceFile(
  db: VaultDb,
  file: ReadEvidence,
  at: string,
  by: string | null,
): EvidenceFileRef {
  const id = randomUUID();
  db.prepare(
    'INSERT INTO compliance_files (id, name, sha256, size, content, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, file.name, file.sha256, file.content.length, file.content, at, by);
  return { id, name: file.name, sha256: file.sha256, size: file.content.length };
}

export interface StoredFile extends EvidenceFileRef {
  content: Buffer;
  addedAt: string;
}

export function listEvidenceFiles(db: VaultDb): StoredFile[] {
  return (
    db
      .prepare('SELECT id, name, sha256, size, content, added_at FROM compliance_files ORDER BY added_at, id')
      .all() as Array<{
      id: string;
      name: string;
      sha256: string;
      size: number;
      content: Buffer;
      added_at: string;
    }>
  ).map((r) => ({
    id: r.id,
    name: r.name,
    sha256: r.sha256,
    size: r.size,
    content: r.content,
    addedAt: r.added_at,
  }));
}

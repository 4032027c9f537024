// What every certificate Closeout issues shares (restore drill, sanitisation): facts as JSON for
// machines, a detached CMS signature of the JSON's exact bytes, a PDF in Chinese and English for people,
// written together into a folder that was checked first, never over a file that is there already.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EngineError } from '../kernel/engine-error';
import { writeFileAtomic } from '../util/atomic-write';
import type { DocumentBuilder } from './pdf';

/** The JSON exactly as signed: two-space indented, one newline at the end. */
export const certificateJson = (facts: unknown): Buffer =>
  Buffer.from(JSON.stringify(facts, null, 2) + '\n', 'utf8');

/** Refuses, before any work starts, a folder that is missing or cannot be written. */
export function checkCertificateDir(dir: string): void {
  let ok: boolean;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new EngineError('WRITE_FAILED', { path: dir, reason: 'no such folder' });
  const probe = join(dir, `.closeout-write-probe-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: dir,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

export interface DocumentFile {
  path: string;
  bytes: Uint8Array | string;
}

/**
 * Writes the files of one document (each atomically, readable by anyone the folder allows: they are
 * evidence, holding no customer value). All or none: a failure removes what this call wrote. A file
 * already there is refused — unless `sameIsDone` and it holds exactly these bytes (a rerun publishing
 * what an interrupted run already wrote).
 */
export function writeDocumentFiles(
  files: readonly DocumentFile[],
  options: { sameIsDone?: boolean } = {},
): void {
  const todo: DocumentFile[] = [];
  for (const file of files) {
    if (!existsSync(file.path)) {
      todo.push(file);
      continue;
    }
    const same =
      options.sameIsDone && readFileSync(file.path).equals(Buffer.from(file.bytes as Uint8Array | string));
    if (!same) throw new EngineError('FILE_EXISTS', { path: basename(file.path) });
  }
  const written: string[] = [];
  try {
    for (const file of todo) {
      writeFileAtomic(file.path, file.bytes, 0o644);
      written.push(file.path);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw new EngineError('WRITE_FAILED', {
      path: files[0]?.path ?? '',
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/** The closing section of a certificate PDF: how anyone checks the JSON's signature with OpenSSL. */
export function howToCheck(pdf: DocumentBuilder, command: string, companyCertificate: boolean): void {
  pdf.heading('如何核验', 'How to check');
  pdf.bilingual(
    '同名 .json 文件载有相同事实，.json.p7s 是对该 JSON 文件的分离式 CMS 签名' +
      (companyCertificate ? '，.company.pem 是签发它的公司证书（请与保险库概览或恢复单上的指纹核对）' : '') +
      '，可用 OpenSSL 核验：',
    'The .json file of the same name holds the same facts; the .json.p7s is a detached CMS signature of ' +
      'that JSON file' +
      (companyCertificate
        ? ', and the .company.pem the company certificate that made it (compare its fingerprint with the one in the vault overview or on the recovery sheet)'
        : '') +
      ', which OpenSSL checks:',
  );
  pdf.code(command);
}

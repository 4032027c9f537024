// Writing a signed document: its facts as JSON, a detached CMS signature of the JSON's exact bytes (PEM,
// `openssl cms -verify -binary -inform PEM -in X.json.p7s -content X.json`), the PDF for people, and any
// companion files (a CSV). Never over an existing file; on any failure nothing written stays.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EngineError } from '../kernel/engine-error';
import { signaturePem, signDetached } from '../pki';
import { writeDocument } from '../documents/write-document';
import { writeFileAtomic } from '../util/atomic-write';
import { fileStamp } from '../util/file-stamp';
import type { DocumentSigner } from '../vault/signer';

export interface SignedDocument {
  json: unknown;
  pdf: Buffer;
  /** Companion files by extension (e.g. { csv: … }), written beside the others. */
  extra?: Record<string, string | Buffer>;
}

export interface SignedFiles {
  json: string;
  signature: string;
  pdf: string;
  extra: Record<string, string>;
}

/** "closeout-compliance-1a2b3c4d-20250314T100503Z" */
export function stampedName(kind: string, vaultId: string, at: Date): string {
  return `closeout-${kind}-${vaultId.slice(0, 8)}-${fileStamp(at)}`;
}

export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: dir,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

export async function writeSignedDocument(
  dir: string,
  base: string,
  doc: SignedDocument,
  signer: DocumentSigner,
  at: Date,
  mode = 0o600,
): Promise<SignedFiles> {
  ensureDir(dir);
  // Two documents of one kind in the same second (a double click) get -2, -3… rather than an error.
  const taken = (stem: string) =>
    [
      `${stem}.json`,
      `${stem}.json.p7s`,
      `${stem}.pdf`,
      ...Object.keys(doc.extra ?? {}).map((e) => `${stem}.${e}`),
    ].some((f) => existsSync(f));
  let stem = join(dir, base);
  for (let n = 2; taken(stem); n++) {
    if (n > 99) throw new EngineError('FILE_EXISTS', { path: basename(stem) });
    stem = join(dir, `${base}-${n}`);
  }
  const extraFiles = Object.fromEntries(Object.keys(doc.extra ?? {}).map((ext) => [ext, `${stem}.${ext}`]));
  const files = { json: `${stem}.json`, signature: `${stem}.json.p7s`, pdf: `${stem}.pdf` };
  const json = Buffer.from(JSON.stringify(doc.json, null, 2) + '\n', 'utf8');
  const signature = signaturePem(await signDetached(json, signer, { signingTime: at }));
  const written: string[] = [];
  try {
    writeFileAtomic(files.json, json, mode);
    written.push(files.json);
    writeFileAtomic(files.signature, signature, mode);
    written.push(files.signature);
    for (const [ext, content] of Object.entries(doc.extra ?? {})) {
      writeFileAtomic(extraFiles[ext], content, mode);
      written.push(extraFiles[ext]);
    }
    writeDocument(files.pdf, doc.pdf, mode);
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    throw new EngineError('WRITE_FAILED', {
      path: dir,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return { ...files, extra: extraFiles };
}

// The backup manifest: what a backup file is and holds, signed so a copy can be checked long after,
// without Closeout, by `sha256sum` and `openssl cms -verify -CAfile <company certificate>`. Version 2 is
// signed by the user who made it (certificate issued by the company CA, which the manifest names) and
// carries the signed audit head and the vault key's generation; its content digest is optional
// (backup.create copies pages and leaves it out; the restore drill computes and records it). Version 1
// (signed by the company key itself, content digest always present) keeps verifying. Format: docs/FORMATS.md.
import { basename } from 'node:path';
import { z } from 'zod';
import type { BackupManifestSummary } from '../../../shared/contract';
import { describeZodError } from '../../../shared/zod-message';
import { fileStamp } from '../util/file-stamp';

const BACKUP_EXTENSION = '.cobackup';
const MANIFEST_FORMAT = 'closeout-backup-manifest';
export const manifestPathFor = (backupFile: string): string => `${backupFile}.manifest.json`;
export const signaturePathFor = (backupFile: string): string => `${backupFile}.manifest.json.p7s`;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const format = z.literal(MANIFEST_FORMAT);
const v1Fields = {
  backupId: z.uuid(),
  vaultId: z.string().min(1),
  clientName: z.string(),
  schemaVersion: z.int().nonnegative(),
  appVersion: z.string(),
  operator: z.string(),
  createdAt: z.iso.datetime(),
  file: z.string().min(1),
  size: z.int().nonnegative(),
  sha256: hex64,
  rowCounts: z.record(z.string(), z.int().nonnegative()),
  contentDigest: hex64,
  auditHead: z.strictObject({ seq: z.int().nonnegative(), hash: hex64 }),
  keySlots: z.literal('none'),
  certificatePem: z.string().startsWith('-----BEGIN CERTIFICATE-----'),
};

const manifestSchema = z.discriminatedUnion('version', [
  // `format` and `version` first: the keys are written in the order of these shapes (docs/FORMATS.md).
  z.strictObject({ format, version: z.literal(1), ...v1Fields }),
  z.strictObject({
    format,
    version: z.literal(2),
    ...v1Fields,
    contentDigest: hex64.optional(),
    keyGeneration: z.int().positive(),
    /** The audit head signed (CMS, PEM) by the maker: closeout-audit-head/1 text, docs/FORMATS.md. */
    signedHead: z.strictObject({
      seq: z.int().positive(),
      hash: hex64,
      at: z.iso.datetime(),
      signature: z.string(),
    }),
  }),
]);

/** The version backup.create writes. */
export const MANIFEST_VERSION = 2;

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The manifest's bytes: UTF-8 JSON, two-space indent, keys in the order above, one final LF. */
export function manifestBytes(manifest: BackupManifest): Buffer {
  return Buffer.from(JSON.stringify(manifestSchema.parse(manifest), null, 2) + '\n', 'utf8');
}

export function parseManifest(bytes: Buffer): { manifest: BackupManifest } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
  const parsed = manifestSchema.safeParse(json);
  return parsed.success ? { manifest: parsed.data } : { problem: describeZodError(parsed.error) };
}

export function summarise(m: BackupManifest): BackupManifestSummary {
  return {
    backupId: m.backupId,
    vaultId: m.vaultId,
    clientName: m.clientName,
    schemaVersion: m.schemaVersion,
    appVersion: m.appVersion,
    operator: m.operator,
    createdAt: m.createdAt,
    file: m.file,
    size: m.size,
    sha256: m.sha256,
    rowCounts: m.rowCounts,
    contentDigest: m.contentDigest ?? null,
    auditHead: m.auditHead,
  };
}

/** A file-system-safe name stem for the client: letters (any script) and digits, the rest as dashes. */
function clientSlug(clientName: string): string {
  const slug = clientName
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'vault';
}

/** `<slug>-<YYYYMMDDTHHMMSSZ>.cobackup`, with `-2`, `-3`… when that name is already taken in `dir`. */
export function backupFileName(clientName: string, at: Date, taken: (name: string) => boolean): string {
  const stem = `${clientSlug(clientName)}-${fileStamp(at)}`;
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${BACKUP_EXTENSION}`;
    if (!taken(name) && !taken(basename(manifestPathFor(name))) && !taken(basename(signaturePathFor(name))))
      return name;
  }
}

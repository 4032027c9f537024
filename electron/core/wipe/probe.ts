// The purged values a records wipe looks for afterwards, kept across a kill: sealed with AES-256-GCM
// under a key derived from the vault key (HKDF-SHA256, salted with the wipe id), in the wipe's journal
// folder, so only someone who can open the vault can read them — the same protection as the values had
// inside it. Written before the purge, overwritten and deleted when the wipe finishes.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Journal } from './journal';
import { overwriteAndDelete } from '../util/wipe-file';

const PROBE_FILE = 'probe.sealed';
const INFO = 'closeout-wipe-probe/v1';

const probeKey = (vaultKey: Buffer, wipeId: string) =>
  Buffer.from(hkdfSync('sha256', vaultKey, Buffer.from(wipeId, 'utf8'), INFO, 32));

export function sealProbe(journal: Journal, vaultKey: Buffer, values: readonly string[]): void {
  const key = probeKey(vaultKey, journal.begin.wipeId);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(journal.begin.wipeId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  key.fill(0);
  journal.put(PROBE_FILE, Buffer.concat([iv, cipher.getAuthTag(), body]));
}

/** The sealed values, or null when there are none (already destroyed, or never sealed). */
export function openProbe(journal: Journal, vaultKey: Buffer): string[] | null {
  const file = journal.path(PROBE_FILE);
  if (!existsSync(file)) return null;
  const sealed = readFileSync(file);
  const key = probeKey(vaultKey, journal.begin.wipeId);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(journal.begin.wipeId, 'utf8'));
    decipher.setAuthTag(sealed.subarray(12, 28));
    const text = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as string[];
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}

export function destroyProbe(journal: Journal): void {
  overwriteAndDelete(journal.path(PROBE_FILE));
}

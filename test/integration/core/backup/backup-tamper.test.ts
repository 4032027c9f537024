// Bit rot and tampering: 100 single-byte changes at seeded positions in a backup file, and 100 in its
// manifest, each found and named (never a silent pass, never an unexplained error).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../../../electron/core/host/in-process';
import type { OpResult } from '../../../../shared/contract';
import { tempDir } from '../../helpers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { fillScratch, withRawVault } from './backup-support';

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;
let created: OpResult<'backup.create'>;
let verifier: EngineClient;

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-tamper-');
  await withRawVault(v, (db) => fillScratch(db, 200));
  created = unwrap(await v.engine.call('backup.create', { dir: { path: out.path } }));
  // A separate engine with no vault open: the checks rest on the file, the manifest and the key alone.
  verifier = createEngine({ dataDir: join(out.path, 'verifier-data'), electronVersion: null });
}, 60_000);
afterAll(async () => {
  await verifier.close();
  await v.remove();
  out.remove();
});

/** Deterministic positions and xor masks (a 32-bit LCG), so a failure can be replayed. */
function* flips(seed: number, length: number, n: number): Generator<{ at: number; mask: number }> {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  for (let i = 0; i < n; i++) yield { at: next() % length, mask: (next() % 255) + 1 };
}

async function verifyWith(file: string, bytes: Buffer) {
  writeFileSync(file, bytes);
  return unwrap(
    await verifier.call('backup.verify', {
      backup: { path: created.path },
      recoveryKey: v.created.recoveryKey,
    }),
  );
}

const failedNames = (r: OpResult<'backup.verify'>) => r.checks.filter((c) => !c.ok).map((c) => c.name);

it('a good backup verifies', async () => {
  expect(failedNames(await verifyWith(created.path, readFileSync(created.path)))).toEqual([]);
});

it('finds every one of 100 single-byte changes in the backup file (sha256 named)', async () => {
  const original = readFileSync(created.path);
  try {
    for (const { at, mask } of flips(0x5eed, original.length, 100)) {
      const bytes = Buffer.from(original);
      bytes[at] ^= mask;
      const r = await verifyWith(created.path, bytes);
      expect({ at, ok: r.ok, sha256: failedNames(r).includes('sha256') }).toEqual({
        at,
        ok: false,
        sha256: true,
      });
    }
  } finally {
    writeFileSync(created.path, original);
  }
}, 60_000);

it('finds every one of 100 single-byte changes in the manifest (signature named)', async () => {
  const original = readFileSync(created.manifestPath);
  try {
    for (const { at, mask } of flips(0xc0de, original.length, 100)) {
      const bytes = Buffer.from(original);
      bytes[at] ^= mask;
      const r = await verifyWith(created.manifestPath, bytes);
      expect({ at, ok: r.ok, signature: failedNames(r).includes('signature') }).toEqual({
        at,
        ok: false,
        signature: true,
      });
    }
  } finally {
    writeFileSync(created.manifestPath, original);
  }
}, 60_000);

it('finds changes in the signature file', async () => {
  const original = readFileSync(created.signaturePath);
  try {
    // Inside the base64 body (not the armour lines, where a changed byte could be ignored by PEM parsing).
    const start = original.indexOf('\n') + 1;
    for (const { at, mask } of flips(0xf00d, original.length - start - 40, 20)) {
      const bytes = Buffer.from(original);
      bytes[start + at] ^= mask;
      if (bytes[start + at] === 0x0a || original[start + at] === 0x0a) continue; // line breaks are free in PEM
      const r = await verifyWith(created.signaturePath, bytes);
      expect({ at, signature: failedNames(r).includes('signature') }).toEqual({ at, signature: true });
    }
  } finally {
    writeFileSync(created.signaturePath, original);
  }
});

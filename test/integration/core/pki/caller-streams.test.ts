// Errors of the caller's own streams pass through as they are (a missing file, a failing disk), never
// dressed up as a malformed signature or envelope; the temporary file of a failed write is gone.
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createCompanyCa,
  decrypt,
  decryptToFile,
  encrypt,
  signAttached,
  signDetached,
  verifyAttached,
  verifyAttachedToFile,
  verifyDetached,
} from '../../../../electron/core/pki';
import { tempDir } from '../../helpers';

let dir: { path: string; remove: () => void };
let ca: { certificatePem: string; privateKeyPem: string };
let signed: Buffer;

async function collect(pieces: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const piece of pieces) out.push(piece);
  return Buffer.concat(out);
}

beforeAll(async () => {
  dir = tempDir('closeout-pki-streams-');
  ca = await createCompanyCa({ name: 'Streams Ltd' });
  signed = await collect(signAttached(Buffer.alloc(300_000, 1), ca));
});

afterAll(() => dir?.remove());

const trust = () => ({ trustAnchors: [ca.certificatePem] });

test('a missing input file is ENOENT, for verification (signature or detached content) and decryption', async () => {
  const missing = join(dir.path, 'missing.p7m');
  const detached = await signDetached(Buffer.from('x'), ca);
  await expect(verifyDetached(detached, createReadStream(missing), trust())).rejects.toMatchObject({
    code: 'ENOENT',
  });
  await expect(verifyAttached(createReadStream(missing), null, trust())).rejects.toMatchObject({
    code: 'ENOENT',
  });
  await expect(
    collect(decrypt(createReadStream(missing), { password: 'whatever password' })),
  ).rejects.toMatchObject({
    code: 'ENOENT',
  });
});

test('an output that fails is that failure, and verifyAttachedToFile leaves no temporary file', async () => {
  const failing = new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    },
  });
  await expect(verifyAttached(signed, failing, trust())).rejects.toMatchObject({ code: 'ENOSPC' });
  await expect(
    verifyAttachedToFile(signed, join(dir.path, 'no-such-folder', 'out.bin'), trust()),
  ).rejects.toMatchObject({
    code: 'ENOENT',
  });
  expect(readdirSync(dir.path)).toEqual([]);
});

test('an input stream that breaks half way is that error, and decryptToFile keeps nothing', async () => {
  const envelope = await collect(encrypt(signed, [{ password: 'a long password' }]));
  async function* breaking(): AsyncGenerator<Buffer> {
    yield envelope.subarray(0, 100_000);
    throw Object.assign(new Error('device removed'), { code: 'EIO' });
  }
  await expect(
    decryptToFile(breaking(), join(dir.path, 'out.bin'), { password: 'a long password' }),
  ).rejects.toMatchObject({
    code: 'EIO',
  });
  expect(readdirSync(dir.path)).toEqual([]);
  await expect(
    verifyAttached(decrypt(breaking(), { password: 'a long password' }), null, trust()),
  ).rejects.toMatchObject({
    code: 'EIO',
  });
});

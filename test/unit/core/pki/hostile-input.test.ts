// Hostile bytes into every reader of the library (fast-check): random bytes, real signatures and envelopes
// with bytes flipped, cut or inserted, deep nesting and absurd lengths. Each answer must be a named one
// (a verification failure or a PkiError), never another exception, a crash or a hang.
import fc from 'fast-check';
import {
  certificateInfo,
  createCompanyCa,
  decrypt,
  encrypt,
  generateRecipientKit,
  generateUserKeyPair,
  isPkiError,
  issueUserCertificate,
  readCertificate,
  signAttached,
  signDetached,
  verifyAttached,
  verifyDetached,
  type KeyAndCertificate,
} from '../../../../electron/core/pki';

jest.setTimeout(120_000);

const content = Buffer.from('hostile input test 敌意输入\n'.repeat(50));
let trust: { trustAnchors: string[] };
let signer: KeyAndCertificate & { chain: string[] };
let recipient: KeyAndCertificate;
let detached: Buffer;
let attached: Buffer;
let enveloped: Buffer;
let passwordEnvelope: Buffer;
let slowest = 0;

async function collect(pieces: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const piece of pieces) out.push(piece);
  return Buffer.concat(out);
}

beforeAll(async () => {
  const ca = await createCompanyCa({ name: '测试公司' });
  const keys = generateUserKeyPair();
  const certificatePem = await issueUserCertificate(ca, {
    userId: 'u1',
    userName: '测试',
    role: 'owner',
    publicKey: keys.publicKeyPem,
  });
  trust = { trustAnchors: [ca.certificatePem] };
  signer = { certificatePem, privateKeyPem: keys.privateKeyPem, chain: [ca.certificatePem] };
  recipient = await generateRecipientKit({ organisation: 'Recipient' });
  detached = await signDetached(content, signer);
  attached = await collect(signAttached(content, signer));
  enveloped = await collect(
    encrypt(attached, [{ certificate: recipient.certificatePem }], { cipher: 'aes-256-gcm' }),
  );
  passwordEnvelope = await collect(encrypt(content, [{ password: 'a long password' }]));
});

afterAll(() => {
  // Reported, not asserted per call: a loaded CI machine is slower, but never by orders of magnitude.
  console.log(`slowest single hostile input: ${slowest} ms`);
});

const FAILURES = new Set([
  'digest-mismatch',
  'bad-signature',
  'untrusted-chain',
  'revoked',
  'expired',
  'malformed',
  'unsupported',
]);

/** 'ok', a verification failure's name, or a PkiError's code; anything else fails the property. */
async function named(work: () => Promise<unknown>): Promise<string> {
  const started = Date.now();
  try {
    const result = (await work()) as { ok?: boolean; failure?: string } | undefined;
    if (result && result.ok === false) {
      if (!FAILURES.has(result.failure ?? '')) throw new Error(`unnamed failure ${result.failure}`);
      return result.failure!;
    }
    return 'ok';
  } catch (error) {
    if (isPkiError(error)) return error.code;
    throw error;
  } finally {
    slowest = Math.max(slowest, Date.now() - started);
  }
}

const readers = (bytes: Buffer) => [
  () => verifyDetached(bytes, content, trust),
  () => verifyAttached(bytes, null, trust),
  () => collect(decrypt(bytes, { privateKey: recipient.privateKeyPem })),
  async () => certificateInfo(bytes),
  () => readCertificate(bytes, { password: 'a password' }),
];

test('random bytes: every reader answers with a named failure', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (array) => {
      const bytes = Buffer.from(array);
      for (const read of readers(bytes)) expect(await named(read)).not.toBe('ok');
    }),
    { numRuns: 300 },
  );
});

const mutation = fc.record({
  kind: fc.constantFrom('flip', 'cut', 'insert', 'delete'),
  at: fc.noBias(fc.nat()), // a position, modulo the length; unbiased, or small positions would dominate
  byte: fc.integer({ min: 0, max: 255 }),
  length: fc.integer({ min: 1, max: 64 }),
});

const flip = mutation.map((m) => ({ ...m, kind: 'flip' }));

function mutate(
  original: Buffer,
  changes: Array<{ kind: string; at: number; byte: number; length: number }>,
) {
  let bytes = Buffer.from(original);
  for (const { kind, at, byte, length } of changes) {
    const i = at % bytes.length;
    if (kind === 'flip') bytes[i] ^= byte || 1;
    else if (kind === 'cut') bytes = bytes.subarray(0, i);
    else if (kind === 'insert')
      bytes = Buffer.concat([bytes.subarray(0, i), Buffer.alloc(length, byte), bytes.subarray(i)]);
    else bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + length)]);
    if (bytes.length === 0) break;
  }
  return bytes;
}

test('real signatures and envelopes with bytes flipped, cut, inserted or deleted: named answers only', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('detached', 'attached', 'enveloped'),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      async (which, changes) => {
        const original = which === 'detached' ? detached : which === 'attached' ? attached : enveloped;
        const bytes = mutate(original, changes);
        if (which === 'detached') await named(() => verifyDetached(bytes, content, trust));
        else if (which === 'attached') await named(() => verifyAttached(bytes, null, trust));
        else
          await named(() =>
            verifyAttached(decrypt(bytes, { privateKey: recipient.privateKeyPem }), null, trust),
          );
      },
    ),
    { numRuns: 400 },
  );
});

test('a password envelope with its RecipientInfo mutated: named answers only', async () => {
  // Few runs: each one that still parses costs 600 000 PBKDF2 iterations (at most 10 000 000 are accepted).
  expect((await collect(decrypt(passwordEnvelope, { password: 'a long password' }))).equals(content)).toBe(
    true,
  );
  const header = passwordEnvelope.subarray(0, 200);
  const answers = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(flip, { minLength: 1, maxLength: 2 }), async (changes) => {
      const bytes = Buffer.concat([mutate(header, changes), passwordEnvelope.subarray(200)]);
      const answer = await named(() => collect(decrypt(bytes, { password: 'a long password' })));
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }),
    { numRuns: 40 },
  );
  // Flips inside the salt, IV or wrapped key get past parsing, to the password and the padding checks.
  expect([...answers.keys()].some((code) => code !== 'PKI_CMS_MALFORMED')).toBe(true);
});

test('deep nesting and absurd lengths through the public readers', async () => {
  const hostile = [
    Buffer.from('3080'.repeat(200_000), 'hex'),
    Buffer.from('30a0'.repeat(1000), 'hex'),
    Buffer.from('3084ffffffff0609', 'hex'),
    Buffer.from('3086ffffffffffff', 'hex'),
    Buffer.concat([
      Buffer.from('308006092a864886f70d010702a080308002010131', 'hex'),
      Buffer.from('84ffffffff', 'hex'),
    ]),
    Buffer.concat([
      Buffer.from('308006092a864886f70d010703a0803080020100', 'hex'),
      Buffer.from('3184fffffff0', 'hex'),
    ]),
  ];
  for (const bytes of hostile) {
    for (const read of readers(bytes)) expect(await named(read)).not.toBe('ok');
  }
  expect(slowest).toBeLessThan(10_000);
});

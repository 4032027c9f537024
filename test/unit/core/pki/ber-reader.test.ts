// The streaming BER reader on its own: definite and indefinite lengths, chunked strings split at every
// byte boundary, and the hostile shapes (absurd lengths, deep nesting, stray end-of-contents) refused.
import { BerReader } from '../../../../electron/core/pki/ber-reader';
import { isPkiError } from '../../../../electron/core/pki';

/** The bytes delivered one at a time: every boundary a parser could trip on. */
async function* byteByByte(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
}

async function* whole(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function collect(pieces: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const piece of pieces) out.push(piece);
  return Buffer.concat(out);
}

async function readString(bytes: Buffer, feed = whole): Promise<Buffer> {
  const reader = new BerReader(feed(bytes));
  const header = await reader.header(null, 'string');
  const value = await collect(reader.octets(header, 'string'));
  if (!(await reader.atEnd())) throw new Error('not at end');
  return value;
}

async function failure(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    return isPkiError(error, 'PKI_CMS_MALFORMED') ? 'malformed' : `other: ${String(error)}`;
  }
  return 'no error';
}

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

test('a primitive OCTET STRING and a chunked one (indefinite, nested) give the same octets, fed whole or byte by byte', async () => {
  const primitive = hex('04 05 68656c6c6f');
  const chunked = hex('24 80 04 02 6865 24 80 04 01 6c 00 00 04 02 6c6f 00 00');
  const definiteChunks = hex('24 0d 04 02 6865 24 03 04 01 6c 04 02 6c6f');
  for (const bytes of [primitive, chunked, definiteChunks]) {
    for (const feed of [whole, byteByByte]) expect((await readString(bytes, feed)).toString()).toBe('hello');
  }
});

test('whole elements come back as their raw bytes, indefinite ones included', async () => {
  const element = hex('30 80 02 01 05 31 80 06 03 2a0304 00 00 00 00');
  const reader = new BerReader(byteByByte(Buffer.concat([element, hex('05 00')])));
  const { raw } = await reader.element(null, 1024, 'element');
  expect(raw.equals(element)).toBe(true);
  const next = await reader.header(null, 'next');
  expect(next.tag).toBe(0x05);
  expect(await reader.atEnd()).toBe(true);
});

test('hostile shapes are malformed, quickly', async () => {
  const started = Date.now();
  const cases: Array<[string, Buffer]> = [
    ['length larger than the input', hex('04 84 7fffffff 00')],
    ['length octets beyond 2^48', hex('04 88 0102030405060708')],
    ['indefinite length on a primitive', hex('04 80 00 00')],
    ['high tag number form', hex('1f 81 01 00')],
    ['end-of-contents where an element belongs', hex('00 00')],
    ['a chunk that is not an OCTET STRING', hex('24 80 02 01 00 00 00')],
    ['an indefinite string that never ends', hex('24 80 04 01 41')],
    ['a child running past its definite parent', hex('24 03 04 05 4142434445')],
    ['deep nesting', Buffer.concat([Buffer.from('2480'.repeat(100_000), 'hex')])],
  ];
  for (const [label, bytes] of cases) {
    expect([label, await failure(() => readString(bytes))]).toEqual([label, 'malformed']);
  }
  const big = new BerReader(whole(hex('30 84 00ffffff')));
  expect(await failure(() => big.element(null, 1024, 'element'))).toBe('malformed');
  const nested = new BerReader(whole(Buffer.from('3080'.repeat(50_000), 'hex')));
  expect(await failure(() => nested.element(null, 1 << 20, 'element'))).toBe('malformed');
  expect(Date.now() - started).toBeLessThan(5_000);
});

test('a huge declared length streams no more than the input holds, then fails', async () => {
  const reader = new BerReader(whole(Buffer.concat([hex('04 85 0100000000'), Buffer.alloc(1000)])));
  const header = await reader.header(null, 'string');
  let seen = 0;
  const code = await failure(async () => {
    for await (const piece of reader.octets(header, 'string')) seen += piece.length;
  });
  expect(code).toBe('malformed');
  expect(seen).toBe(1000);
});

// Framing for streamed CMS output: the few identifier/length octets around content whose length is not
// known in advance (BER indefinite length, as `openssl cms -stream` writes), and each chunk's header.
// Every structure inside the frames is encoded by asn1js/pkijs.
import * as asn1js from 'asn1js';
import { toBuffer } from './encoding';

export const TAG = {
  octetString: 0x04,
  constructedOctetString: 0x24,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
} as const;

/** Identifier octet followed by 0x80: the value runs until end-of-contents. */
export const open = (tag: number): Buffer => Buffer.from([tag, 0x80]);

/** End-of-contents octets closing one indefinite-length element. */
export const close = (count = 1): Buffer => Buffer.alloc(2 * count);

/** A definite-length header (DER length octets) for a value of `length` bytes. */
export function header(tag: number, length: number): Buffer {
  if (length < 0x80) return Buffer.from([tag, length]);
  const octets: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
  return Buffer.from([tag, 0x80 | octets.length, ...octets]);
}

/** One primitive OCTET STRING chunk of a constructed string: header, then the bytes as they are. */
export const chunk = (bytes: Buffer): Buffer[] => [header(TAG.octetString, bytes.length), bytes];

export const der = (element: { toBER(sizeOnly?: boolean): ArrayBuffer }): Buffer =>
  toBuffer(element.toBER(false));

export const oid = (value: string): Buffer => der(new asn1js.ObjectIdentifier({ value }));

export const integer = (value: number): Buffer => der(new asn1js.Integer({ value }));

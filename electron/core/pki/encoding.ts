// Small in-memory encodings shared by the library: PEM armour, DER parsing through asn1js, hex.
import * as asn1js from 'asn1js';
import { PkiError } from './errors';

export type BinaryInput = string | Buffer | Uint8Array;

export function pemEncode(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** Every PEM block of the text with one of the labels, decoded, in order. */
function pemBlocks(text: string, labels: readonly string[]): Buffer[] {
  const out: Buffer[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    if (!labels.includes(match[1])) continue;
    const body = match[2].replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) return [];
    out.push(Buffer.from(body, 'base64'));
  }
  return out;
}

/** True when the bytes look like PEM text (optional whitespace, then five dashes). */
export function looksLikePem(bytes: Uint8Array): boolean {
  let i = 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes.length - i >= 5 && Buffer.from(bytes.subarray(i, i + 5)).toString('latin1') === '-----';
}

/**
 * DER bytes from PEM text (a string, or bytes that look like PEM) with one of `labels`, or from DER bytes
 * as given. `invalid` builds the error thrown when neither works.
 */
export function derFromInput(input: BinaryInput, labels: readonly string[], invalid: () => PkiError): Buffer {
  if (typeof input === 'string' || looksLikePem(input)) {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
    const [first] = pemBlocks(text, labels);
    if (!first || first.length === 0) throw invalid();
    return first;
  }
  if (input.length === 0) throw invalid();
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/** asn1js parse of exactly one element spanning all of `der`; anything else is `invalid()`. */
export function parseAsn1(der: Uint8Array, invalid: () => PkiError): asn1js.AsnType {
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(der);
  } catch {
    throw invalid();
  }
  if (parsed.offset === -1 || parsed.offset !== der.byteLength || parsed.result.error) throw invalid();
  return parsed.result;
}

/** A pkijs object from its DER/BER encoding; any parse or schema failure is `invalid()`. */
export function parsePkijs<T>(
  Type: new (parameters: { schema: asn1js.AsnType }) => T,
  der: Uint8Array,
  invalid: () => PkiError,
): T {
  const schema = parseAsn1(der, invalid);
  try {
    return new Type({ schema });
  } catch {
    throw invalid();
  }
}

export const toBuffer = (bytes: ArrayBuffer | Uint8Array): Buffer =>
  bytes instanceof ArrayBuffer
    ? Buffer.from(bytes)
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The exact bytes of an asn1js element as it was decoded (not re-encoded). */
export const rawOf = (element: asn1js.AsnType): Buffer => toBuffer(element.valueBeforeDecodeView);

/** The octets of an OCTET STRING however it was tagged ([0] IMPLICIT included) or chunked (BER constructed). */
export function octetsOf(element: asn1js.AsnType | undefined, depth = 0): Buffer {
  const block = (element as asn1js.BaseBlock | undefined)?.valueBlock as unknown as
    | {
        isConstructed?: boolean;
        value?: asn1js.AsnType[];
        valueHexView?: Uint8Array;
      }
    | undefined;
  if (!block) throw new PkiError('PKI_CMS_MALFORMED', { what: 'an OCTET STRING is missing' });
  if (depth > 16) throw new PkiError('PKI_CMS_MALFORMED', { what: 'string chunks nested too deeply' });
  if (Array.isArray(block.value) && (block.isConstructed || !block.valueHexView?.length))
    return Buffer.concat(block.value.map((child) => octetsOf(child, depth + 1)));
  return toBuffer(block.valueHexView ?? new Uint8Array(0));
}

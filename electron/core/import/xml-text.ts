// Small helpers for the few XLSX parts read without a full XML parser (shared strings, workbook, rels):
// entity and OOXML `_xHHHH_` decoding, and attribute lists.

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references → text. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * OOXML escapes characters XML cannot hold (and a literal `_x` followed by four hex digits) as `_xHHHH_`:
 * Excel writes a carriage return in a cell as `_x000D_`, and a typed "_x0041_" as "_x005F_x0041_".
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Attributes of one start tag's inside (`name="v" r:id='w'`), entity-decoded; keys keep their prefix. */
function attributes(inside: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of inside.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = decodeXmlEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** Start tags named `local` (with any namespace prefix) in `xml`, as attribute maps. */
export function elements(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${local}(\\s[^>]*?)?\\/?>`, 'g');
  for (const m of xml.matchAll(pattern)) out.push(attributes(m[1] ?? ''));
  return out;
}

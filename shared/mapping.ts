// Automatic mapping of a source file's column headers to Closeout's customer fields, from the Chinese
// and English synonyms each field declares (shared/customer/fields.ts). Headers are compared after
// folding (case, full/half width, spaces, punctuation), so 联系 电话, ＰＨＯＮＥ and e-mail all match.
// Each field takes at most one column: a file with 手机 and 电话 keeps the first as the phone and the
// second as an extra field, which the person can swap.
import { CUSTOMER_FIELDS, type ColumnMapping, type ColumnTarget, type CustomerField } from './customer';
import { FIELD_SPECS } from './customer/fields';
import { foldForMatching } from './normalise/text';

const BY_FOLDED = new Map<string, CustomerField>();
for (const field of CUSTOMER_FIELDS) {
  for (const word of FIELD_SPECS[field].synonyms) BY_FOLDED.set(foldForMatching(word), field);
}

/**
 * The field a header names, or null. Tries the header whole, then without a numeric suffix (vCard
 * phone_1, a duplicate header's _2), then the last segment of a flattened JSON key (contact.phone).
 */
export function fieldForHeader(header: string): CustomerField | null {
  const candidates = [header, header.replace(/[_\s-]*\d+$/, '')];
  const dot = header.lastIndexOf('.');
  if (dot >= 0 && dot < header.length - 1) {
    const last = header.slice(dot + 1);
    candidates.push(last, last.replace(/[_\s-]*\d+$/, ''));
  }
  for (const candidate of candidates) {
    const folded = foldForMatching(candidate);
    if (folded === '') continue;
    const field = BY_FOLDED.get(folded);
    if (field) return field;
  }
  return null;
}

/** Every header → its field or 'extra'; a field goes to the first column that names it. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<CustomerField>();
  for (const header of headers) {
    if (Object.prototype.hasOwnProperty.call(mapping, header)) continue;
    const field = fieldForHeader(header);
    if (field && !taken.has(field)) {
      taken.add(field);
      mapping[header] = field;
    } else mapping[header] = 'extra';
  }
  return mapping;
}

/**
 * A saved or given mapping applied to this file's headers: its choice for every header it names,
 * the suggestion for headers it does not, and never one field for two columns (later ones → extra).
 */
export function completeMapping(headers: readonly string[], given: ColumnMapping | null): ColumnMapping {
  if (!given) return suggestMapping(headers);
  const suggested = suggestMapping(headers);
  const mapping: ColumnMapping = {};
  const taken = new Set<ColumnTarget>();
  // Only the choices for this file's own headers count: a template names columns this file may lack.
  const givenFields = new Set(
    headers.filter((h) => Object.prototype.hasOwnProperty.call(given, h)).map((h) => given[h]),
  );
  for (const header of headers) {
    let target: ColumnTarget = Object.prototype.hasOwnProperty.call(given, header)
      ? given[header]
      : suggested[header];
    // A suggestion must not steal a field the given mapping assigns to another column.
    if (!Object.prototype.hasOwnProperty.call(given, header) && givenFields.has(target)) target = 'extra';
    if (target !== 'extra' && target !== 'skip') {
      if (taken.has(target)) target = 'extra';
      else taken.add(target);
    }
    mapping[header] = target;
  }
  return mapping;
}

/** The fields a mapping uses more than once (a mapping the person edited must not). */
export function duplicateTargets(mapping: ColumnMapping): CustomerField[] {
  const seen = new Set<string>();
  const twice = new Set<CustomerField>();
  for (const target of Object.values(mapping)) {
    if (target === 'extra' || target === 'skip') continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return [...twice];
}

// Blocking keys for duplicate detection: the normalised values under which two records are put side by
// side to be scored. A key only proposes a comparison; the score decides. Pure.
import type { FieldStatus } from '../../../shared/customer';
import { KEYED_FIELDS, matchOf, type KeyedField } from '../../../shared/customer/columns';
import { nameKeys } from '../../../shared/normalise/names';
import { foldForMatching, toHalfWidth } from '../../../shared/normalise/text';
import { residentIdCheckChar } from '../../../shared/identifiers/resident-id';

/** The columns of a record that detection reads, as the import stored them (keyed fields: fields.ts `match`). */
export interface DedupeRecord extends Partial<Record<KeyedField, string | null>> {
  id: number;
  name: string | null;
  organisation: string | null;
  /** E.164 when the import could read it. */
  phone: string | null;
  /** Further valid numbers of the phone cell (E.164), beyond `phone`. */
  phones?: readonly string[];
  /** Lower case, as the import stored it. */
  email: string | null;
  idNumber: string | null;
  idNumberStatus: FieldStatus;
  creditCode: string | null;
  creditCodeStatus: FieldStatus;
  address: string | null;
  /** nameKeys(name ?? organisation).tokens, as the import stored it; computed here when absent. */
  nameKey?: string | null;
}

// Gmail ignores dots in the local part and everything after a +; the stored address keeps them (it is
// what the customer typed), only the key folds them. Other providers' rules differ, so they are left.
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function emailKey(email: string | null | undefined): string | null {
  if (!email) return null;
  const value = toHalfWidth(email).trim().toLowerCase();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  let local = value.slice(0, at);
  let domain = value.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\+.*$/, '').replace(/\./g, '');
    domain = 'gmail.com';
  }
  return local === '' ? null : `${local}@${domain}`;
}

/** E.164 as stored; a number the import could not read keeps its digits (7 or more) as the key. */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const half = toHalfWidth(phone).trim();
  if (/^\+\d{6,15}$/.test(half)) return half;
  const digits = half.replace(/\D/g, '');
  return digits.length >= 7 ? digits : null;
}

/** The keys of every number of the record's phone cell, the phone's first, each once. */
export function phoneKeys(record: Pick<DedupeRecord, 'phone' | 'phones'>): string[] {
  const out: string[] = [];
  for (const number of [record.phone, ...(record.phones ?? [])]) {
    const key = phoneKey(number);
    if (key !== null && !out.includes(key)) out.push(key);
  }
  return out;
}

/**
 * Upper case, half-width, no spaces; a 15-digit legacy number is written in its 18-digit form (19 put
 * before the year, check character computed), so the old and new card of one person share a key.
 */
export function idNumberKey(idNumber: string | null | undefined): string | null {
  if (!idNumber) return null;
  const value = toHalfWidth(idNumber)
    .replace(/[\s'-]/g, '')
    .toUpperCase();
  if (value === '') return null;
  if (/^\d{15}$/.test(value)) {
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    return first17 + residentIdCheckChar(first17);
  }
  return value;
}

export function creditCodeKey(code: string | null | undefined): string | null {
  if (!code) return null;
  const value = toHalfWidth(code).replace(/\s/g, '').toUpperCase();
  return value === '' ? null : value;
}

/** The stored name key, or the same key computed: 陳大文, 陈 大文 and Chen Dawen all give 'chen dawen'. */
export function nameKeyOf(record: Pick<DedupeRecord, 'name' | 'organisation' | 'nameKey'>): string | null {
  if (record.nameKey) return record.nameKey;
  const text = record.name ?? record.organisation;
  if (!text) return null;
  const tokens = nameKeys(text)?.tokens;
  return tokens ? tokens : null;
}

/**
 * The end of an address, folded (width, case, spaces and punctuation ignored). People write the same
 * address with or without the province and city, but the end — road, number, building, room — stays.
 * Only used to split an oversized name block, never to propose a pair on its own.
 */
export function addressTailKey(address: string | null | undefined, length = 8): string | null {
  if (!address) return null;
  const folded = Array.from(foldForMatching(address));
  if (folded.length < 6) return null;
  return folded.slice(-length).join('');
}

/** The kinds of blocking key, strongest first: identifiers, contacts, the keyed fields, the name. */
export const BLOCK_KINDS = ['idNumber', 'creditCode', 'phone', 'email', ...KEYED_FIELDS, 'name'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** A keyed field's key (fields.ts `match`), or null. */
export function fieldKey(field: KeyedField, value: string | null | undefined): string | null {
  return value ? matchOf(field).key(value) : null;
}

/** Every blocking key of a record by kind (null where the record has none). */
export function blockingKeys(record: DedupeRecord): Record<BlockKind, string | null> {
  const keys = {
    phone: phoneKey(record.phone),
    email: emailKey(record.email),
    idNumber: idNumberKey(record.idNumber),
    creditCode: creditCodeKey(record.creditCode),
    name: nameKeyOf(record),
  } as Record<BlockKind, string | null>;
  for (const field of KEYED_FIELDS) keys[field as BlockKind] = fieldKey(field, record[field]);
  return keys;
}

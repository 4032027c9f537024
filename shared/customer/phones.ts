// Every number of a record's phone cell: the first is the record's phone (its `phone` column), the others
// further phones, each with its extension, its own validation status and, when the source said, its type.
// Stored as JSON in the phone's `phones` column only when there is more than the phone itself to say (a
// second number, an extension, a type); otherwise the list is the phone alone. Pure.
import type { FieldStatus } from './fields';

export interface PhoneEntry {
  /** E.164 when valid, else the number as written (cleaned). */
  number: string;
  /** Extension digits (转801, ext. 12, x12, -6598), else null. */
  extension: string | null;
  status: 'valid' | 'invalid';
  /** What the source said the number is, when it said (a vCard's TEL types: cell, work, home,fax …). */
  type?: string;
}

/** The `phones` column for these entries: null when the phone column alone says it all. */
export function encodePhones(entries: readonly PhoneEntry[]): string | null {
  if (
    entries.length === 0 ||
    (entries.length === 1 && entries[0].extension === null && entries[0].type === undefined)
  )
    return null;
  return JSON.stringify(
    entries.map((e) =>
      e.type === undefined ? [e.number, e.extension, e.status] : [e.number, e.extension, e.status, e.type],
    ),
  );
}

/** The record's numbers from its phone columns; an unreadable `phones` column reads as the phone alone. */
export function decodePhones(phone: string | null, status: FieldStatus, stored: string | null): PhoneEntry[] {
  if (stored) {
    try {
      const value: unknown = JSON.parse(stored);
      if (Array.isArray(value) && value.every(isEntry))
        return value.map(([number, extension, s, type]) =>
          type === undefined ? { number, extension, status: s } : { number, extension, status: s, type },
        );
    } catch {
      /* read as the phone alone, below */
    }
  }
  if (phone === null || (status !== 'valid' && status !== 'invalid')) return [];
  return [{ number: phone, extension: null, status }];
}

function isEntry(value: unknown): value is [string, string | null, 'valid' | 'invalid', string?] {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'string' &&
    (value[1] === null || typeof value[1] === 'string') &&
    (value[2] === 'valid' || value[2] === 'invalid') &&
    (value[3] === undefined || typeof value[3] === 'string')
  );
}

/** A number as a person reads it: +862161234567 ext. 12. */
export const phoneEntryText = (e: PhoneEntry): string =>
  e.extension === null ? e.number : `${e.number} ext. ${e.extension}`;

/** The E.164 numbers among them (what duplicates are found by). */
export const validNumbers = (entries: readonly PhoneEntry[]): string[] =>
  entries.filter((e) => e.status === 'valid').map((e) => e.number);

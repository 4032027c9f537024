// The customer record as Closeout keeps it: the fields a source column can be mapped to (declared once
// in fields.ts, with their columns in columns.ts), the classifications and flags the engine computes, and
// the view of a record that the window, the CLI's `records --json` and the exports all share. Pure types
// and constants; the engine owns the storage.
import type { CustomerField, RecordFields } from './columns';
import type { PhoneEntry } from './phones';

export {
  CUSTOMER_FIELDS,
  VALIDATED_FIELDS,
  statusesOf,
  type CustomerField,
  type FieldStatuses,
  type FieldValues,
  type CarriedValues,
  type ValidatedField,
} from './columns';
export type { FieldStatus } from './fields';

/** A mapping: source column header → Closeout field, or 'extra' (kept as-is under its header), or 'skip'. */
export type ColumnTarget = CustomerField | 'extra' | 'skip';
export type ColumnMapping = Record<string, ColumnTarget>;

export const CUSTOMER_TYPES = ['individual', 'business', 'unknown'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const REGIONS = ['mainland', 'hk_mo_tw', 'overseas', 'unknown'] as const;
export type Region = (typeof REGIONS)[number];

export const DISPOSITIONS = ['RETAIN', 'TRANSFER', 'ANONYMISE', 'DESTROY'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The kinds of sensitive personal information (PIPL Art. 28) a record can be flagged with. */
export const SENSITIVE_KINDS = [
  'id-number',
  'bank-card',
  'passport',
  'financial',
  'health',
  'religion',
  'biometric',
  'location',
  'minor',
  'other',
] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** Which source row a record came from: file name, sheet (XLSX) and the row number a person would give. */
export interface SourceRowRef {
  sourceId: string;
  file: string;
  sheet: string | null;
  row: number;
}

interface RecordFlags {
  stale: boolean;
  minor: boolean;
  sensitive: SensitiveKind[];
  formulaLike: boolean;
  incomplete: boolean;
  typeDoubtful: boolean;
  regionConflict: boolean;
  /** A cell of the source row held hidden characters (controls, bidi, zero-width): removed from the values. */
  hiddenCharacters: boolean;
  /** Why the source row was malformed ('too-few-fields', 'ragged', 'undecodable'), else null. */
  malformed: string | null;
}

/** One customer record as the window, `closeout records --json` and the exports see it. */
export interface CustomerRecord extends RecordFields {
  id: number;
  /** The record's own source row first, then those of the records merged into it. */
  sources: SourceRowRef[];
  /** Every number of the phone cell, in order: the first is `phone`, the others further phones. */
  phones: PhoneEntry[];
  extra: Record<string, string>;
  type: CustomerType;
  region: Region;
  /** ISO 3166-1 alpha-2 when known. */
  regionCountry: string | null;
  category: string | null;
  flags: RecordFlags;
  /** 0–100: how many of the fields that matter are present and valid. */
  completeness: number;
  cluster: number | null;
  /** Set when this record was merged into another one (it is then hidden from the default view). */
  mergedInto: number | null;
  disposition: Disposition | null;
  dispositionBasis: string | null;
  retainUntil: string | null;
  dispositionRecipient: string | null;
  /** Classification fields set by hand, which reclassification leaves alone. */
  overrides: string[];
}

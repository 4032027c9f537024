// import.*: reading customer files (preview, run), the sources and quarantine they leave, saved column
// mappings. The result types are shared by the engine, the CLI's JSON (docs/CLI.md) and the Import wizard.
import { z } from 'zod';
import { CUSTOMER_FIELDS, type ColumnMapping, type CustomerField } from '../customer';
import type { RecordFields } from '../customer/columns';
import { fileRef, none, op, ROLES, type OpSpec } from './op';

/** Source column header → Closeout field, 'extra' (kept under its header) or 'skip'. */
const columnMappingSchema = z.record(z.string().max(500), z.enum([...CUSTOMER_FIELDS, 'extra', 'skip']));
/** Template names; names starting with @ are reserved (@last: the client's last mapping). */
const mappingNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^@]/, 'names starting with @ are reserved');
/** One file to import, with what the person chose in the wizard (each detected when absent). */
const importInputSchema = z.strictObject({
  file: fileRef('import', 'open'),
  /** XLSX: the one sheet to read (import.preview) or the first of `sheets`. */
  sheet: z.string().min(1).max(200).optional(),
  /** XLSX, import.run: the sheets to import, each as its own source; default every sheet with customers. */
  sheets: z.array(z.string().min(1).max(200)).min(1).max(256).optional(),
  encoding: z.string().min(1).max(40).optional(),
  delimiter: z.string().length(1).optional(),
  headerRow: z.int().min(0).max(1_048_576).optional(),
  mapping: columnMappingSchema.optional(),
});

type ImportFormat = 'csv' | 'xlsx' | 'vcard' | 'json' | 'jsonl';

/** Where a source row came from: the file's name (never its folder), the sheet and the row a person would give. */
interface ImportRowRef {
  file: string;
  sheet: string | null;
  row: number;
}

/** A row set aside instead of imported: the reader could not read it, or it names no one. */
export interface QuarantineItem extends ImportRowRef {
  /** A reader problem (bad-json, unclosed-quote, too-long, …) or 'no-identifying-field'. */
  kind: string;
  /** English; the window translates `kind`. */
  reason: string;
}

interface ImportNote {
  kind: string;
  message: string;
}

/** A mapped value that did not validate (the window highlights it; `problem` names why). */
interface ImportFieldProblem {
  field: CustomerField;
  status: 'invalid' | 'ambiguous';
  problem: string;
}

/** A previewed row's record: what records.get will show of it once imported. */
type PreviewRecord = RecordFields & { extra: Record<string, string> };

/** One row of the preview: the source values and the record as it will be stored. */
export interface ImportPreviewRow {
  row: number;
  sheet: string | null;
  /** Source values by header, as read. */
  values: Record<string, string>;
  /** The record as it will be stored: its fields (camelCase, as every record), statuses and extra fields. */
  record: PreviewRecord;
  problems: ImportFieldProblem[];
  /** Set when the row would be quarantined instead of imported. */
  quarantine: string | null;
  /** A reader problem the row was delivered with (ragged, malformed-quotes, undecodable). */
  readerProblem: string | null;
}

export interface ImportPreview {
  /** The file's name (no folder). */
  file: string;
  bytes: number;
  sha256: string;
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  /** XLSX: every sheet, its data rows and whether it lists customers (those are imported by default). */
  sheets: Array<{ name: string; state: string; rows: number | null; holdsCustomers: boolean }>;
  headers: string[];
  headerRow: number;
  mapping: ColumnMapping;
  /** Where the mapping came from: the input, the client's last import, or the automatic suggestion. */
  mappingFrom: 'given' | 'saved' | 'suggested';
  rows: ImportPreviewRow[];
  /** Reader problems among the rows read for the preview (rejected rows included). */
  problems: QuarantineItem[];
  notes: ImportNote[];
  /** The same file (same SHA-256; for a workbook, the same sheet) is already in the vault. */
  alreadyImported: { at: string; name: string } | null;
}

export interface ImportInputResult {
  file: string;
  sourceId: string;
  sha256: string;
  bytes: number;
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number;
  mapping: ColumnMapping;
  /** Records after the header holding something (blank ones are counted in blankRows). */
  rowsRead: number;
  imported: number;
  quarantined: number;
  blankRows: number;
  /** Imported rows the reader flagged (ragged, malformed-quotes, undecodable): imported as read. */
  flagged: number;
  /** Imported records that had hidden characters removed (records flag `hiddenCharacters`). */
  hiddenCharacters: number;
  /** Imported records flagged malformed (too few fields, ragged, undecodable; records flag `malformed`). */
  malformed: number;
  /** The first quarantined rows (at most 100); every one is in the vault (import.quarantine). */
  quarantine: QuarantineItem[];
  quarantineOmitted: number;
  notes: ImportNote[];
}

export interface ImportRunResult {
  inputs: ImportInputResult[];
  totals: { rowsRead: number; imported: number; quarantined: number; blankRows: number };
  /** The template name the mapping was saved under, when asked. */
  mappingSaved: string | null;
  /** Records classified under the vault's rules after the import. */
  classified: number;
}

export interface SourceInfo {
  id: string;
  name: string;
  sha256: string;
  bytes: number;
  format: string;
  encoding: string | null;
  sheet: string | null;
  importedAt: string;
  importedBy: string | null;
  rowsRead: number;
  imported: number;
  quarantined: number;
  /** When Closeout deleted the plaintext source file (import.deleteSource). */
  sourceDeletedAt: string | null;
}

export interface QuarantineRow extends QuarantineItem {
  id: number;
  sourceId: string;
  /** The original text of the row, as read. */
  raw: string | null;
}

export interface QuarantinePage {
  total: number;
  items: QuarantineRow[];
}

export interface MappingTemplate {
  name: string;
  mapping: ColumnMapping;
  updatedAt: string;
  /** The client's last mapping, kept automatically (the next preview starts from it). */
  reserved: boolean;
}

export interface SourceDeleted {
  sourceId: string;
  path: string;
  bytes: number;
  deletedAt: string;
  /** Always true: on SSDs and copy-on-write file systems the old blocks may survive an overwrite. */
  ssdCaveat: true;
}

/** The reserved name of the client's last mapping. */
export const LAST_MAPPING = '@last';

export const importOps = {
  'import.preview': op<ImportPreview>()({
    input: importInputSchema,
    access: ['owner', 'operator'],
    job: false,
    writes: false,
    summary:
      'Detect format, encoding and sheet; suggest a mapping; show the first rows as they will be stored',
  }),
  'import.run': op<ImportRunResult>()({
    input: z.strictObject({
      inputs: z.array(importInputSchema).min(1).max(100),
      allowSameSource: z.boolean().default(false),
      saveMappingAs: mappingNameSchema.optional(),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary:
      'Import customer files into the vault (one transaction), quarantining unreadable rows, then classify',
  }),
  'import.sources': op<SourceInfo[]>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The files imported into this vault, with their SHA-256 and counts',
  }),
  'import.quarantine': op<QuarantinePage>()({
    input: z.strictObject({
      sourceId: z.uuid().optional(),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(1000).default(100),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: false,
    summary: 'Quarantined rows (file, row, reason, original text), page by page',
  }),
  'import.exportQuarantine': op<{ path: string; rows: number }>()({
    input: z.strictObject({ out: fileRef('quarantine-export', 'save'), sourceId: z.uuid().optional() }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Write the quarantined rows as CSV (UTF-8 with BOM, formula-safe) to a new file',
  }),
  'import.deleteSource': op<SourceDeleted>()({
    input: z.strictObject({ file: fileRef('import', 'open') }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'After a verified import: overwrite and delete the plaintext source file (same SHA-256 only)',
  }),
  'import.mappings': op<MappingTemplate[]>()({
    input: none,
    access: ['owner', 'operator'],
    job: false,
    writes: false,
    summary: 'Saved column mappings (templates, and the last one used)',
  }),
  'import.saveMapping': op<MappingTemplate>()({
    input: z.strictObject({ name: mappingNameSchema, mapping: columnMappingSchema }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Save a column mapping as a reusable template',
  }),
  'import.deleteMapping': op<{ deleted: boolean }>()({
    input: z.strictObject({ name: mappingNameSchema }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Delete a saved column mapping',
  }),
} as const satisfies Record<string, OpSpec>;

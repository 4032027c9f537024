// A file chosen for import and what the person chose for it (sheet, encoding, delimiter, mapping), with
// its latest preview; `inputOf` is the part the engine reads (the handle, never a path).
import type { ColumnMapping } from '../../../../shared/customer';
import type { ImportPreview } from '../../../../shared/contract';
import type { ErrorValue } from '../../platform/api';

export interface ChosenInput {
  handle: string;
  name: string;
  sheet?: string;
  /** XLSX: the sheets ticked for import (each its own source); set from the preview's customer sheets. */
  sheets?: string[];
  encoding?: string;
  delimiter?: string;
  mapping?: ColumnMapping;
  preview: ImportPreview | null;
  error: ErrorValue | null;
  loading: boolean;
}

/** The sheets a workbook imports by default: every sheet with customers, else the one previewed. */
export function defaultSheets(preview: ImportPreview): string[] | undefined {
  if (preview.format !== 'xlsx' || preview.sheets.length === 0) return undefined;
  const customers = preview.sheets.filter((s) => s.holdsCustomers).map((s) => s.name);
  return customers.length > 0 ? customers : preview.sheet ? [preview.sheet] : undefined;
}

/** What import.run reads for the file: the preview's choices, the ticked sheets and the mapping shown. */
export function runInputOf(file: ChosenInput) {
  return {
    ...inputOf(file),
    ...(file.sheets ? { sheets: file.sheets } : {}),
    mapping: file.preview!.mapping,
  };
}

export function inputOf(file: ChosenInput) {
  return {
    file: { handle: file.handle },
    ...(file.sheet ? { sheet: file.sheet } : {}),
    ...(file.encoding ? { encoding: file.encoding } : {}),
    ...(file.delimiter ? { delimiter: file.delimiter } : {}),
    ...(file.mapping ? { mapping: file.mapping } : {}),
  };
}

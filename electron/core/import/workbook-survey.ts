// Which sheets of a workbook hold customers: each sheet's header is read (a preview's worth of rows) and
// mapped; a sheet holds customers when its header names a field that identifies someone (name,
// organisation, phone, e-mail, ID number, credit code) and it has rows under it. Suppliers (供应商,
// Supplier, Vendor in a header) are not customers. The wizard offers these sheets, with row counts; an
// import without a sheet named reads every one of them, each as its own source.
import { open } from 'node:fs/promises';
import type { CustomerField } from '../../../shared/customer';
import { fieldForHeader } from '../../../shared/mapping';
import { previewSource, readSource } from './read-source';
import { sniffMagic } from './sniff';
import type { ReadOptions } from './types';

const IDENTIFYING: ReadonlySet<CustomerField> = new Set([
  'name',
  'organisation',
  'phone',
  'email',
  'idNumber',
  'creditCode',
]);

const NOT_CUSTOMERS = /供应商|供货|供方|supplier|vendor/i;

interface SheetSurvey {
  name: string;
  state: string;
  /** Rows under the header holding something (counted only when asked; else null). */
  rows: number | null;
  holdsCustomers: boolean;
}

/** True when a table with these headers lists customers. */
function headersHoldCustomers(headers: readonly string[]): boolean {
  if (headers.some((h) => NOT_CUSTOMERS.test(h))) return false;
  return headers.some((h) => {
    const field = fieldForHeader(h);
    return field !== null && IDENTIFYING.has(field);
  });
}

/**
 * The sheets of a workbook with whether each holds customers; null for a file that is not a workbook.
 * `countRows` reads every sheet to the end (for the wizard's counts); otherwise only its first rows.
 */
export async function surveyWorkbook(
  file: string,
  options: Pick<ReadOptions, 'headerRow' | 'limits'>,
  countRows: boolean,
): Promise<SheetSurvey[] | null> {
  const first = await previewSource(file, { ...options, rows: 1 });
  if (first.format !== 'xlsx' || !first.sheets) return null;
  const out: SheetSurvey[] = [];
  for (const sheet of first.sheets) {
    const opts = { ...options, sheet: sheet.name };
    let headers: string[];
    let rows: number | null = null;
    let some: boolean;
    if (countRows) {
      const result = await readSource(file, opts, () => undefined);
      headers = result.headers;
      rows = result.rowsRead;
      some = rows > 0;
    } else {
      const preview = await previewSource(file, { ...opts, rows: 1 });
      headers = preview.headers;
      some = preview.rowsRead > 0;
    }
    out.push({
      name: sheet.name,
      state: sheet.state,
      rows,
      holdsCustomers: some && headersHoldCustomers(headers),
    });
  }
  return out;
}

/** True when the file starts as a ZIP (a workbook); false for anything else, or a file not readable. */
export async function isZipFile(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      return sniffMagic(head.subarray(0, bytesRead)).kind === 'zip';
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

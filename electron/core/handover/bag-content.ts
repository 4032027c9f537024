// What the bag holds, byte for byte (docs/FORMATS.md, "Handover package"): the data files' columns and
// rows (CSV for people, JSON Lines for machines), schema.json, agreement.json, and the BagIt tag files
// (RFC 8493: bagit.txt, bag-info.txt, manifest-sha256.txt that `sha256sum -c` accepts, tagmanifest).
import type { CustomerRecord } from '../../../shared/customer';
import { UTF8_BOM, csvLine } from '../../../shared/csv';
import type { HandoverField } from '../../../shared/handover';
import { EXPORT_COLUMNS, type CellValue } from '../records/export-columns';
import type { AgreementRecord } from '../../../shared/contract';
import { fieldLabel } from './labels';

const BAG_FORMAT = 'closeout-handover-data';
export const DATA_FILES = [
  'data/customers.csv',
  'data/customers.jsonl',
  'data/schema.json',
  'data/notices-summary.csv',
  'data/objections-summary.csv',
  'data/agreement.json',
] as const;
export const TAG_FILES = [
  'bagit.txt',
  'bag-info.txt',
  'manifest-sha256.txt',
  'tagmanifest-sha256.txt',
] as const;

interface Column {
  key: string;
  zh: string;
  en: string;
  type: 'integer' | 'string' | 'object';
  value: (r: CustomerRecord) => CellValue | Record<string, string>;
}

/** The columns of customers.csv / the keys of customers.jsonl: the record number, then the chosen fields. */
export function dataColumns(fields: readonly HandoverField[]): Column[] {
  const columns: Column[] = [
    {
      key: 'record',
      zh: '原记录编号',
      en: 'record number at the sender',
      type: 'integer',
      value: (r) => r.id,
    },
  ];
  for (const field of fields) {
    if (field === 'extra') {
      columns.push({ key: 'extra', ...fieldLabel('extra'), type: 'object', value: (r) => r.extra });
      continue;
    }
    const exported = EXPORT_COLUMNS.find((c) => c.key === field)!;
    columns.push({ key: field, zh: exported.zh, en: exported.en, type: 'string', value: exported.value });
    if (field === 'lifetimeValue') {
      const currency = EXPORT_COLUMNS.find((c) => c.key === 'currency')!;
      columns.push({
        key: 'currency',
        zh: currency.zh,
        en: currency.en,
        type: 'string',
        value: currency.value,
      });
    }
  }
  return columns;
}

export const csvHeader = (columns: readonly Column[]): string =>
  UTF8_BOM + csvLine(columns.map((c) => c.key));

/** One CSV row; text cells that a spreadsheet could run as formulas get a leading apostrophe. */
export const csvRow = (columns: readonly Column[], r: CustomerRecord): string =>
  csvLine(
    columns.map((c) => {
      const v = c.value(r);
      return v !== null && typeof v === 'object' ? (Object.keys(v).length ? JSON.stringify(v) : '') : v;
    }),
  );

/** One JSON Lines row: the values exactly as stored (no neutralising: this file is for machines). */
export function jsonRow(columns: readonly Column[], r: CustomerRecord): string {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.key] = c.value(r);
  return JSON.stringify(out) + '\n';
}

export function schemaJson(columns: readonly Column[]): Buffer {
  const schema = {
    format: BAG_FORMAT,
    version: 1,
    encoding: 'UTF-8',
    files: {
      'customers.csv':
        'one row per customer; UTF-8 with BOM, comma, CRLF, RFC 4180 quoting; cells starting = + - @ are prefixed with an apostrophe',
      'customers.jsonl': 'one JSON object per line, the same keys as the CSV header, values as stored',
      'notices-summary.csv':
        'per customer in this package: notice language, channel, status, sent at, response',
      'objections-summary.csv':
        'consents recorded for customers in this package; objecting customers are never in the package',
      'agreement.json': 'the agreement between sender and recipient; its signed PDF is identified by SHA-256',
    },
    columns: columns.map(({ key, zh, en, type }) => ({ key, zh, en, type })),
  };
  return Buffer.from(JSON.stringify(schema, null, 2) + '\n', 'utf8');
}

export const NOTICE_SUMMARY_HEADER = csvLine([
  'record',
  'language',
  'channel',
  'status',
  'sent_at',
  'response',
]);
export const OBJECTION_SUMMARY_HEADER = csvLine([
  'record',
  'kind',
  'consent_type',
  'received_on',
  'channel',
  'evidence_sha256',
]);

export function agreementJson(
  agreement: AgreementRecord,
  parties: {
    sender: { name: string; creditCode: string | null };
    recipient: { name: string; creditCode: string | null };
  },
): Buffer {
  const body = {
    parties,
    signedOn: agreement.signedOn,
    purposes: agreement.terms.purposes,
    scope: agreement.terms.scope,
    retention: agreement.terms.retention,
    undertakings: agreement.terms.undertakings,
    note: agreement.terms.note,
    signedCopy: agreement.file
      ? { name: agreement.file.name, sha256: agreement.file.sha256, bytes: agreement.file.bytes }
      : null,
  };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
}

export const BAGIT_TXT = Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'utf8');

/** bag-info.txt: `Label: value` lines; a value never spans lines. */
export function bagInfo(entries: ReadonlyArray<[string, string | number]>): Buffer {
  return Buffer.from(
    entries
      .map(
        ([label, value]) =>
          `${label}: ${String(value)
            .replace(/[\r\n]+/g, ' ')
            .trim()}`,
      )
      .join('\n') + '\n',
    'utf8',
  );
}

/** `<sha256>  <path>` lines, as `sha256sum` writes them and `sha256sum -c` reads them. */
export function manifest(files: ReadonlyArray<{ name: string; sha256: string }>): Buffer {
  return Buffer.from(files.map((f) => `${f.sha256}  ${f.name}\n`).join(''), 'utf8');
}

export function humanSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

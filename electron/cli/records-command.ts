// `closeout records FILE`: the vault's customer records as JSON (every CustomerRecord, the default),
// CSV or XLSX, searched and filtered as on the Records page. It runs records.export, so it is audited
// like an export from the window. Without --out (JSON and CSV only) the export is written into a
// private temporary folder (0700, file 0600), copied to standard output and deleted at once.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { OpInput, OpResult } from '../../shared/contract';
import type { Lang } from '../../shared/errors';
import type { RecordExportFormat } from '../../shared/records';
import { CliError } from './cli-error';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function exportFormat(format: string, encoding: string): RecordExportFormat {
  if (!['csv', 'json', 'xlsx'].includes(format))
    throw CliError.of('INVALID_INPUT', { detail: `--format must be csv, json or xlsx (not ${format})` }, 2);
  const enc = encoding.toLowerCase().replace(/_/g, '-');
  if (!['utf-8', 'utf8', 'gb18030'].includes(enc))
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `--encoding must be utf-8 or gb18030 (not ${encoding})` },
      2,
    );
  if (enc === 'gb18030' && format !== 'csv')
    throw CliError.of('INVALID_INPUT', { detail: '--encoding gb18030 applies to --format csv only' }, 2);
  return format === 'csv' && enc === 'gb18030' ? 'csv-gb18030' : (format as RecordExportFormat);
}

function parseFilter(text: string | undefined): OpInput<'records.export'>['filter'] {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as OpInput<'records.export'>['filter'];
  } catch (error) {
    throw CliError.of('INVALID_INPUT', { detail: `--filter is not JSON (${(error as Error).message})` }, 2);
  }
}

/** Temporary folders of this run, removed when the process ends whatever happened. */
const temporary: string[] = [];
let cleanupRegistered = false;
function privateTempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'closeout-records-'));
  temporary.push(dir);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => {
      for (const d of temporary) rmSync(d, { recursive: true, force: true });
    });
  }
  return join(dir, name);
}

type Options = Record<string, unknown>;
type Exported = OpResult<'records.export'>;

/** A CommandDef for commands.ts (typed there by `define`; no import back, so no cycle). */
export const recordsCommand = {
  path: ['records'] as const,
  op: 'records.export' as const,
  vault: true,
  description:
    'the customer records as JSON (default), CSV or XLSX, with --query and --filter / 导出客户记录（JSON、CSV、XLSX）',
  configure: (c: Command) =>
    c
      .option('--query <text>', 'only records containing this text in name, phone, e-mail or address')
      .option('--filter <json>', 'filters as JSON, e.g. \'{"region":"overseas","flags":{"minor":true}}\'')
      .option('--format <format>', 'json | csv | xlsx', 'json')
      .option('--encoding <encoding>', 'CSV encoding: utf-8 (with BOM) | gb18030', 'utf-8')
      .option('--headers <lang>', 'CSV / XLSX column headers: en | zh-CN', 'en')
      .option('--out <file>', 'write to this file (required for xlsx; otherwise standard output)'),
  input: (_args: string[], o: Options): OpInput<'records.export'> => {
    const format = exportFormat(String(o.format), String(o.encoding));
    const out = str(o.out);
    if (!out && format === 'xlsx')
      throw CliError.of('INVALID_INPUT', { detail: '--format xlsx needs --out FILE' }, 2);
    const headers = String(o.headers);
    if (headers !== 'en' && headers !== 'zh-CN')
      throw CliError.of('INVALID_INPUT', { detail: '--headers must be en or zh-CN' }, 2);
    return {
      query: str(o.query),
      filter: parseFilter(str(o.filter)),
      format,
      headers,
      file: { path: out ?? privateTempFile(format === 'json' ? 'records.json' : 'records.csv') },
    };
  },
  print: async (value: Exported, o: Options, stdout: NodeJS.WritableStream): Promise<boolean> => {
    if (str(o.out)) return false;
    try {
      await pipeline(createReadStream(value.path), stdout, { end: false });
    } finally {
      rmSync(value.path, { force: true });
    }
    return true;
  },
  human: (r: Exported, lang: Lang) =>
    lang === 'zh-CN'
      ? `已导出 ${r.count} 条记录（${r.format}，${r.bytes} 字节）到 ${r.path}`
      : `exported ${r.count} records (${r.format}, ${r.bytes} bytes) to ${r.path}`,
};

// `closeout records FILE`: the vault's customer records as JSON (every CustomerRecord, the default),
// CSV or XLSX, searched and filtered as on the Records page. It runs records.export, so it is audited
// like an export from the window. Without --out (JSON and CSV only) the export is written into a
// private temporary folder (0700, file 0600), removed from the disk as soon as it is complete (it then
// streams to standard output from its open descriptor), and removed whenever the command is stopped
// before that (temporary.ts).
// `closeout stats FILE`: the counts of the records (records.stats).
import { createReadStream, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CustomerStats, OpInput, OpResult } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import type { RecordExportFormat } from '../../../shared/records';
import { CliError, OutputClosed } from '../cli-error';
import type { CommandDef } from '../command-def';
import { define, parseFilter, str, t } from '../helpers';
import { privateTempDir, removeTempDir } from '../temporary';

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

type Exported = OpResult<'records.export'>;

const recordsCommand = define({
  path: ['records'],
  op: 'records.export',
  vault: true,
  description:
    'the customer records as JSON (default), CSV or XLSX, with --query and --filter / 导出客户记录（JSON、CSV、XLSX）',
  configure: (c) =>
    c
      .option('--query <text>', 'only records containing this text in name, phone, e-mail or address')
      .option('--filter <json>', 'filters as JSON, e.g. \'{"region":"overseas","flags":{"minor":true}}\'')
      .option('--format <format>', 'json | csv | xlsx', 'json')
      .option('--encoding <encoding>', 'CSV encoding: utf-8 (with BOM) | gb18030', 'utf-8')
      .option('--headers <lang>', 'CSV / XLSX column headers: en | zh-CN', 'en')
      .option('--out <file>', 'write to this file (required for xlsx; otherwise standard output)'),
  input: (_args, o): OpInput<'records.export'> => {
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
      file: {
        path:
          out ??
          join(privateTempDir('closeout-records-'), format === 'json' ? 'records.json' : 'records.csv'),
      },
    };
  },
  print: async (value: Exported, o, stdout) => {
    if (str(o.out)) return false;
    // Off the disk before its first byte goes out: the open descriptor keeps it readable while it streams.
    const dir = dirname(value.path);
    const fd = openSync(value.path, 'r');
    let removed = false;
    try {
      removeTempDir(dir);
      removed = true;
    } catch {
      // Windows cannot remove an open file: it goes once the stream is done.
    }
    try {
      await pipeline(createReadStream('', { fd }), stdout, { end: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') throw new OutputClosed();
      throw error;
    } finally {
      if (!removed) removeTempDir(dir);
    }
    return true;
  },
  human: (r, lang) =>
    t(
      lang,
      `已导出 ${r.count} 条记录（${r.format}，${r.bytes} 字节）到 ${r.path}`,
      `exported ${r.count} records (${r.format}, ${r.bytes} bytes) to ${r.path}`,
    ),
});

function humanStats(s: CustomerStats, lang: Lang): string {
  const line = (label: string, counts: Record<string, number>) =>
    `${label}: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`;
  return [
    `${t(lang, '客户', 'customers')}: ${s.customers}   ${t(lang, '规则版本', 'rules version')}: ${s.rulesVersion}` +
      (s.unclassified ? `   ${t(lang, '未分类', 'unclassified')}: ${s.unclassified}` : ''),
    line(t(lang, '类型', 'type'), s.type),
    line(t(lang, '地区', 'region'), s.region),
    line(t(lang, '类别', 'categories'), s.categories),
    line(t(lang, '标记', 'flags'), s.flags),
    line(t(lang, '重复', 'duplicates'), s.duplicates),
    line(t(lang, '处置', 'disposition'), s.disposition),
  ].join('\n');
}

export const recordsCommands: readonly CommandDef[] = [
  recordsCommand,
  define({
    path: ['stats'],
    op: 'records.stats',
    vault: true,
    description: 'counts by type, region, category, flag, duplicates and disposition / 统计',
    input: () => ({}),
    human: humanStats,
  }),
];

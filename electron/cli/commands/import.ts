// `closeout import FILE INPUTS…`: import customer files in one transaction (the other import.* operations
// are generic commands under `closeout import`).
import type { ImportRunResult } from '../../../shared/contract';
import type { ColumnMapping } from '../../../shared/customer';
import type { Lang } from '../../../shared/errors';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { collect, define, readJson, str, t } from '../helpers';

function humanImport(r: ImportRunResult, lang: Lang): string {
  const lines: string[] = [];
  for (const i of r.inputs) {
    const where = [i.format, i.encoding, i.sheet].filter(Boolean).join(' ');
    lines.push(
      t(
        lang,
        `${i.file}（${where}）：读取 ${i.rowsRead} 行，导入 ${i.imported}，隔离 ${i.quarantined}`,
        `${i.file} (${where}): ${i.rowsRead} rows read, ${i.imported} imported, ${i.quarantined} quarantined`,
      ),
    );
    if (i.hiddenCharacters > 0 || i.malformed > 0)
      lines.push(
        t(
          lang,
          `  含隐藏字符 ${i.hiddenCharacters} 条，格式异常 ${i.malformed} 条（已标记，可在记录中筛选）`,
          `  ${i.hiddenCharacters} had hidden characters, ${i.malformed} malformed (flagged; filter the records by it)`,
        ),
      );
    for (const q of i.quarantine)
      lines.push(
        `  ${q.sheet ? `${q.sheet}!` : ''}${t(lang, '第', 'row ')}${q.row}${t(lang, '行', '')}: ${q.kind} — ${q.reason}`,
      );
    if (i.quarantineOmitted > 0)
      lines.push(t(lang, `  ……另有 ${i.quarantineOmitted} 行`, `  … and ${i.quarantineOmitted} more`));
  }
  lines.push(
    t(
      lang,
      `合计：读取 ${r.totals.rowsRead}，导入 ${r.totals.imported}，隔离 ${r.totals.quarantined}`,
      `total: ${r.totals.rowsRead} read, ${r.totals.imported} imported, ${r.totals.quarantined} quarantined`,
    ),
  );
  return lines.join('\n');
}

/** A mapping file: the mapping object itself, or a template as `mappings list --json` prints it. */
function readMappingFile(file: string): ColumnMapping {
  const parsed = readJson(file, '--mapping');
  const body = (parsed as { mapping?: unknown })?.mapping ?? parsed;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `--mapping ${file}: not a JSON object of header → field` },
      2,
    );
  // The engine validates each target against the contract's schema.
  return body as ColumnMapping;
}

export const importCommands: readonly CommandDef[] = [
  define({
    path: ['import'],
    op: 'import.run',
    vault: true,
    args: ['<inputs...>'],
    description:
      'import customer files (CSV/TSV/TXT, XLSX, vCard, JSON, JSON Lines) in one transaction / 导入客户文件',
    configure: (c) =>
      c
        .option('--mapping <file>', 'column mapping JSON: {"header": "field" | "extra" | "skip", …}')
        .option(
          '--sheet <name>',
          'XLSX: a worksheet to import, each its own source; repeat for more (default: every sheet with customers)',
          collect,
          [],
        )
        .option('--encoding <name>', 'text files: the encoding (default: detected)')
        .option('--delimiter <char>', 'CSV: the delimiter (default: detected)')
        .option('--allow-same-source', 'import a file even if the same file (SHA-256) was imported before')
        .option('--save-mapping <name>', 'save the mapping of the first file as a template'),
    input: (args, o) => {
      const mapping = str(o.mapping) ? readMappingFile(String(o.mapping)) : undefined;
      const sheets = Array.isArray(o.sheet) && o.sheet.length > 0 ? (o.sheet as string[]) : undefined;
      return {
        inputs: args.map((file) => ({
          file: { path: file },
          sheets,
          encoding: str(o.encoding),
          delimiter: str(o.delimiter),
          mapping,
        })),
        allowSameSource: o.allowSameSource === true,
        saveMappingAs: str(o.saveMapping),
      };
    },
    human: humanImport,
  }),
];

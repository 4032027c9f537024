// `closeout analytics FILE --by … [--k 5] --out F.csv|.xlsx|.pdf`: the anonymised table of counts, small
// cells suppressed; `closeout analytics extract FILE --fields … [--k 5] --out F.csv`: the de-identified,
// k-anonymous extract (refused, writing nothing, when k cannot be met).
import type { Command } from 'commander';
import { extname } from 'node:path';
import {
  ANALYTICS_DIMENSIONS,
  DEFAULT_K,
  EXTRACT_FIELDS,
  PERIODS,
} from '../../../shared/analytics/dimensions';
import { ANALYTICS_FORMATS, type OpInput } from '../../../shared/contract';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { define, oneOf, str, t, wholeOption } from '../helpers';

/** A comma-separated list of names from `allowed`, or INVALID_INPUT naming the option. */
const listOf =
  <T extends string>(name: string, allowed: readonly T[]) =>
  (text: string): T[] => {
    const items = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const wrong = items.filter((i) => !(allowed as readonly string[]).includes(i));
    if (items.length === 0 || wrong.length > 0)
      throw CliError.of(
        'INVALID_INPUT',
        { detail: `${name} takes a comma-separated list of ${allowed.join(', ')} (not ${text})` },
        2,
      );
    return items as T[];
  };

function formatOf(out: string, given: string | undefined): (typeof ANALYTICS_FORMATS)[number] {
  const format = given ?? extname(out).slice(1).toLowerCase();
  if ((ANALYTICS_FORMATS as readonly string[]).includes(format))
    return format as (typeof ANALYTICS_FORMATS)[number];
  throw CliError.of(
    'INVALID_INPUT',
    { detail: `--out must end in .csv, .xlsx or .pdf, or give --format ${ANALYTICS_FORMATS.join(' | ')}` },
    2,
  );
}

const common = (c: Command) =>
  c
    .option(
      '--k <n>',
      `the smallest group published (default ${DEFAULT_K})`,
      wholeOption('--k', 2),
      DEFAULT_K,
    )
    .option('--include-objected', 'count customers who objected too (default: left out)')
    .option('--out <file>', 'the file to write (required)');

/** Required, checked here: commander checks a parent's required options for its subcommands too. */
function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw CliError.of('INVALID_INPUT', { detail: `${name} is required` }, 2);
  return value;
}

export const analyticsCommands: readonly CommandDef[] = [
  define({
    path: ['analytics'],
    op: 'analytics.export',
    vault: true,
    description: 'anonymised counts, small cells suppressed, as CSV, XLSX or PDF / 匿名统计（小单元格抑制）',
    configure: (c) =>
      common(
        c
          .option(
            '--by <dimensions>',
            `comma-separated (required): ${ANALYTICS_DIMENSIONS.join(',')}`,
            listOf('--by', ANALYTICS_DIMENSIONS),
          )
          .option('--period <period>', PERIODS.join(' | '), oneOf('--period', PERIODS), 'year')
          .option('--format <format>', `${ANALYTICS_FORMATS.join(' | ')} (default: from --out)`)
          .option(
            '--headers <lang>',
            'column headers: en | zh-CN',
            oneOf('--headers', ['en', 'zh-CN'] as const),
            'en',
          ),
      ),
    input: (_a, o): OpInput<'analytics.export'> => ({
      by: required(o.by as OpInput<'analytics.export'>['by'] | undefined, '--by'),
      k: Number(o.k),
      period: o.period as OpInput<'analytics.export'>['period'],
      excludeObjected: o.includeObjected !== true,
      format: formatOf(required(str(o.out), '--out'), str(o.format)),
      headers: o.headers as 'en' | 'zh-CN',
      file: { path: String(o.out) },
    }),
    human: (r, lang) =>
      t(
        lang,
        `已写入 ${r.path}：${r.cells} 个单元格，其中 ${r.suppressed} 个已抑制`,
        `Wrote ${r.path}: ${r.cells} cell(s), ${r.suppressed} suppressed`,
      ),
  }),
  define({
    path: ['analytics', 'extract'],
    op: 'analytics.extract',
    vault: true,
    description:
      'a de-identified, k-anonymous extract (still personal data) / 去标识化摘录（k-匿名，仍属个人信息）',
    configure: (c) =>
      common(
        c.option(
          '--fields <fields>',
          `comma-separated (required): ${EXTRACT_FIELDS.join(',')}`,
          listOf('--fields', EXTRACT_FIELDS),
        ),
      ),
    input: (_a, o): OpInput<'analytics.extract'> => ({
      fields: required(o.fields as OpInput<'analytics.extract'>['fields'] | undefined, '--fields'),
      k: Number(o.k),
      excludeObjected: o.includeObjected !== true,
      file: { path: required(str(o.out), '--out') },
    }),
    human: (r, lang) =>
      t(
        lang,
        `已写入 ${r.path}（${r.records} 条记录，${r.classes} 个组合，最小组合 ${r.smallest} 条）及说明 ${r.readme}。这是假名化摘录，仍属个人信息。`,
        `Wrote ${r.path} (${r.records} records, ${r.classes} combinations, the smallest ${r.smallest}) and the notice ${r.readme}. This is a pseudonymised extract: still personal data.`,
      ),
  }),
];

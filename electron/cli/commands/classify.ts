// `closeout classify FILE` and `closeout rules get|set`: (re)classify records under the versioned rules.
// The JSON they print with --json is documented in docs/CLI.md.
import type { StaleReference } from '../../../shared/classification/stale';
import type { OpInput, ProductReview, RulesInfo } from '../../../shared/contract';
import { categoryName } from '../../../shared/taxonomy';
import type { Lang } from '../../../shared/errors';
import type { CommandDef } from '../command-def';
import { collect, define, parseFilter, readJson, str, t, wholeOption } from '../helpers';

/** A rules file: the rules body itself, or what `rules get --json` prints (its `current.body`). */
function readRulesFile(file: string): OpInput<'classification.saveRules'>['rules'] {
  const parsed = readJson(file, '--rules') as { current?: { body?: unknown }; body?: unknown };
  // The engine validates the body against the contract's schema and names the first problem.
  return (parsed?.current?.body ?? parsed?.body ?? parsed) as OpInput<'classification.saveRules'>['rules'];
}

/** Which day stale is measured from, in a line. */
function staleLine(s: StaleReference, lang: Lang): string {
  return s.source === 'decision'
    ? t(
        lang,
        `不活跃：${s.before} 之后无交易（结业决议日期 ${s.date} 之前 ${s.years} 年）`,
        `stale: no order since ${s.before} (${s.years} years before the closure decision date, ${s.date})`,
      )
    : t(
        lang,
        `不活跃：${s.before} 之后无交易（今天 ${s.date} 之前 ${s.years} 年；未填写结业决议日期）`,
        `stale: no order since ${s.before} (${s.years} years before today, ${s.date}; no closure decision date is set)`,
      );
}

function humanRules(r: RulesInfo, lang: Lang): string {
  const b = r.current.body;
  return [
    `${t(lang, '规则版本', 'rules version')} ${r.current.version}${r.stored ? '' : t(lang, '（默认，尚未保存）', ' (defaults, not stored yet)')}`,
    `${t(lang, '类别', 'categories')}: ${b.categories.map((c) => c.name).join(', ')}`,
    `${t(lang, '不活跃年限', 'stale after (years)')}: ${b.staleYears}   ${t(lang, '完整度阈值', 'completeness threshold')}: ${b.completeness.threshold}   ${t(lang, '未成年年龄', 'minor under')}: ${b.minorAge}`,
    staleLine(r.staleReference, lang),
    `${t(lang, '组织标志词', 'organisation markers')}: ${b.organisationMarkers.length}`,
    ...r.history.map((h) => `  v${h.version}  ${h.createdAt}  ${h.createdBy ?? '-'}  ${h.note ?? ''}`),
  ].join('\n');
}

function humanProducts(r: ProductReview, lang: Lang): string {
  const name = (c: string | null) =>
    c === null ? t(lang, '未匹配', 'unmatched') : categoryName(c, lang === 'zh-CN' ? 'zh' : 'en');
  return [
    t(
      lang,
      `${r.distinct} 个产品/服务值，${r.records} 条记录，其中 ${r.unmatched} 条未匹配类别`,
      `${r.distinct} product/service values, ${r.records} records, ${r.unmatched} of them unmatched`,
    ),
    ...r.values.map(
      (v) =>
        `  ${v.records}\t${v.value}\t${name(v.category)}${v.rule ? t(lang, '（规则）', ' (rule)') : ''}` +
        (v.suggestion
          ? `\t${t(lang, '建议', 'suggested')}: ${name(v.suggestion.categoryId)} (${v.suggestion.kind})`
          : ''),
    ),
    ...(r.omitted > 0 ? [t(lang, `  ……另有 ${r.omitted} 个值`, `  … and ${r.omitted} more values`)] : []),
  ].join('\n');
}

export const classifyCommands: readonly CommandDef[] = [
  define({
    path: ['classify'],
    op: 'classification.run',
    vault: true,
    description:
      'classify every record (type, region, category, sensitive, minor, stale) under the rules in force; --rules stores new ones first / 按规则分类客户记录',
    configure: (c) =>
      c
        .option('--rules <file>', 'rules JSON to store as a new version first (owner only)')
        .option('--filter <json>', 'only the records matching this filter (as on the Records page)')
        .option('--note <text>', 'a note for the new rules version'),
    input: (_a, o) => ({
      rules: str(o.rules) ? readRulesFile(String(o.rules)) : undefined,
      filter: parseFilter(str(o.filter)),
      note: str(o.note),
    }),
    human: (r, lang) =>
      t(
        lang,
        `已按规则版本 ${r.rulesVersion} 分类 ${r.classified} 条记录${r.savedRules ? '（新规则已保存）' : ''}`,
        `classified ${r.classified} records under rules version ${r.rulesVersion}${r.savedRules ? ' (new rules stored)' : ''}`,
      ) +
      '\n' +
      staleLine(r.staleReference, lang),
  }),
  define({
    path: ['rules', 'get'],
    op: 'classification.rules',
    vault: true,
    description: 'the classification rules in force and their versions / 查看分类规则',
    input: () => ({}),
    human: humanRules,
  }),
  define({
    path: ['rules', 'set'],
    op: 'classification.saveRules',
    vault: true,
    args: ['<rules>'],
    description:
      'store a rules JSON file as a new version (owner); --reclassify applies it at once / 保存新版分类规则',
    configure: (c) =>
      c
        .option('--reclassify', 'reclassify every record under the new rules')
        .option('--note <text>', 'a note for the version'),
    input: (args, o) => ({
      rules: readRulesFile(args[0]),
      note: str(o.note),
      reclassify: o.reclassify === true,
    }),
    human: (r, lang) =>
      t(
        lang,
        `规则版本 ${r.version} 已保存${r.reclassified === null ? '' : `，已重新分类 ${r.reclassified} 条`}`,
        `rules version ${r.version} stored${r.reclassified === null ? '' : `; ${r.reclassified} records reclassified`}`,
      ),
  }),
  define({
    path: ['rules', 'products'],
    op: 'classification.products',
    vault: true,
    description:
      'the product review: distinct product/service values with counts, category, suggestion and rule / 产品与服务类别复核',
    configure: (c) =>
      c
        .option('--unmatched', 'only values with records in no category')
        .option('--limit <n>', 'at most this many values (most records first)', wholeOption('--limit', 1)),
    input: (_a, o) => ({
      unmatchedOnly: o.unmatched === true,
      ...(typeof o.limit === 'number' ? { limit: o.limit } : {}),
    }),
    human: humanProducts,
  }),
  define({
    path: ['rules', 'product'],
    op: 'classification.fileProducts',
    vault: true,
    args: ['<category>'],
    description:
      'file product values under a category (a taxonomy id or a rules category; "none" removes their rules), then reclassify (owner) / 设定产品类别规则',
    configure: (c) =>
      c
        .requiredOption(
          '--value <text>',
          'a product value as the review lists it; repeat for more',
          collect,
          [],
        )
        .option('--note <text>', 'a note for the rules version'),
    input: (args, o) => ({
      values: o.value as string[],
      category: args[0] === 'none' ? null : args[0],
      note: str(o.note),
    }),
    human: (r, lang) =>
      t(
        lang,
        `规则版本 ${r.version} 已保存（${r.rules} 条产品规则），已重新分类 ${r.reclassified} 条`,
        `rules version ${r.version} stored (${r.rules} product rules); ${r.reclassified} records reclassified`,
      ),
  }),
];

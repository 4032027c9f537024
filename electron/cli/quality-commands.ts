// `closeout classify`, `closeout dispose`, `closeout stats` and `closeout rules get|set`: the
// classification, disposition and statistics operations with friendly arguments. The JSON they print
// with --json is documented in docs/CLI.md.
import { existsSync, readFileSync } from 'node:fs';
import type { OpInput, OpName } from '../../shared/contract';
import type { Disposition } from '../../shared/customer';
import type { Lang } from '../../shared/errors';
import {
  RETENTION_PRESET_NAMES,
  type DispositionRule,
  type RetentionPreset,
} from '../../shared/dispositions';
import type { CustomerStats, DispositionApplied, RulesInfo } from '../../shared/contract';
import type { RecordFilter } from '../../shared/records';
import { CliError } from './cli-error';
import type { CommandDef } from './command-def';

const t = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const collect = (value: string, previous: string[]) => [...previous, value];

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw CliError.of('INVALID_INPUT', { detail: `${what} ${file}: ${(error as Error).message}` }, 2);
  }
}

/** A rules file: the rules body itself, or what `rules get --json` prints (its `current.body`). */
function readRulesFile(file: string): OpInput<'classification.saveRules'>['rules'] {
  const parsed = readJson(file, '--rules') as { current?: { body?: unknown }; body?: unknown };
  // The engine validates the body against the contract's schema and names the first problem.
  return (parsed?.current?.body ?? parsed?.body ?? parsed) as OpInput<'classification.saveRules'>['rules'];
}

function parseFilter(text: string | undefined): RecordFilter | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as RecordFilter;
  } catch (error) {
    throw CliError.of('INVALID_INPUT', { detail: `--filter is not JSON (${(error as Error).message})` }, 2);
  }
}

const FLAG_KEYS: Record<string, keyof NonNullable<RecordFilter['flags']>> = {
  stale: 'stale',
  minor: 'minor',
  sensitive: 'sensitive',
  incomplete: 'incomplete',
  formula_like: 'formulaLike',
  type_doubtful: 'typeDoubtful',
  region_conflict: 'regionConflict',
};

/** The WHEN of `--rule WHEN=WHAT`: a flag, none, all, or key:value. */
function parseWhen(text: string, rule: string): RecordFilter {
  if (text in FLAG_KEYS) return { flags: { [FLAG_KEYS[text]]: true } };
  if (text === 'none') return { disposition: null };
  if (text === 'all') return {};
  const colon = text.indexOf(':');
  const key = colon < 0 ? text : text.slice(0, colon);
  const value = colon < 0 ? '' : text.slice(colon + 1);
  switch (key) {
    case 'type':
      return { type: value as RecordFilter['type'] };
    case 'region':
      return { region: value as RecordFilter['region'] };
    case 'country':
      return { regionCountry: value };
    case 'category':
      return { category: value === '' ? null : value };
    case 'source':
      return { sourceId: value };
    case 'flag':
      if (value in FLAG_KEYS) return { flags: { [FLAG_KEYS[value]]: true } };
  }
  throw CliError.of('INVALID_INPUT', { detail: `--rule ${rule}: unknown condition "${text}"` }, 2);
}

/** The WHAT: DESTROY, ANONYMISE, TRANSFER:recipient, RETAIN:preset, RETAIN:YYYY-MM-DD:basis. */
function parseSet(text: string, rule: string): DispositionRule['set'] {
  const [head, ...rest] = text.split(':');
  const disposition = head.toUpperCase() as Disposition;
  if ((disposition === 'DESTROY' || disposition === 'ANONYMISE') && rest.length === 0) return { disposition };
  if (disposition === 'TRANSFER' && rest.join(':').trim() !== '')
    return { disposition, recipient: rest.join(':').trim() };
  if (
    disposition === 'RETAIN' &&
    rest.length === 1 &&
    RETENTION_PRESET_NAMES.includes(rest[0] as RetentionPreset)
  )
    return { disposition, preset: rest[0] as RetentionPreset };
  if (disposition === 'RETAIN' && rest.length >= 2 && /^\d{4}-\d{2}-\d{2}$/.test(rest[0]))
    return { disposition, retainUntil: rest[0], basis: rest.slice(1).join(':') };
  throw CliError.of(
    'INVALID_INPUT',
    {
      detail: `--rule ${rule}: "${text}" is not DESTROY, ANONYMISE, TRANSFER:recipient, RETAIN:${RETENTION_PRESET_NAMES.join('|')} or RETAIN:YYYY-MM-DD:basis`,
    },
    2,
  );
}

/** `--rule` values in order: `WHEN=WHAT`, or a JSON file of rules ([{when, set}] or {rules: […]}). */
export function parseDisposeRules(values: readonly string[]): DispositionRule[] {
  const rules: DispositionRule[] = [];
  for (const value of values) {
    if (value.endsWith('.json') || (existsSync(value) && !value.includes('='))) {
      const parsed = readJson(value, '--rule') as unknown;
      const list = Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown })?.rules;
      if (!Array.isArray(list))
        throw CliError.of(
          'INVALID_INPUT',
          { detail: `--rule ${value}: expected [{when, set}, …] or {"rules": […]}` },
          2,
        );
      rules.push(...(list as DispositionRule[]));
      continue;
    }
    const eq = value.lastIndexOf('=');
    if (eq <= 0)
      throw CliError.of(
        'INVALID_INPUT',
        { detail: `--rule ${value}: expected WHEN=WHAT, e.g. stale=DESTROY` },
        2,
      );
    // The condition may hold '=' only in a category name, so split at the last one before the disposition.
    const split = value.search(/=(?:DESTROY|ANONYMISE|TRANSFER|RETAIN)(?::|$)/i);
    const at = split > 0 ? split : eq;
    rules.push({ when: parseWhen(value.slice(0, at), value), set: parseSet(value.slice(at + 1), value) });
  }
  if (rules.length === 0) throw CliError.of('INVALID_INPUT', { detail: 'give at least one --rule' }, 2);
  return rules;
}

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

function humanApplied(r: DispositionApplied, lang: Lang): string {
  return [
    r.dryRun ? t(lang, '试运行：未做任何更改', 'dry run: nothing was changed') : '',
    ...r.rules.map((x) => `${t(lang, '规则', 'rule')} ${x.index + 1}: ${x.matched}`),
    `${t(lang, '变更', 'changed')}: ${r.changed}   ${t(lang, '保留人工决定', 'kept (set by hand)')}: ${r.keptManual}`,
    `${t(lang, '处置', 'disposition')}: ${Object.entries(r.disposition)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function humanRules(r: RulesInfo, lang: Lang): string {
  const b = r.current.body;
  return [
    `${t(lang, '规则版本', 'rules version')} ${r.current.version}${r.stored ? '' : t(lang, '（默认，尚未保存）', ' (defaults, not stored yet)')}`,
    `${t(lang, '类别', 'categories')}: ${b.categories.map((c) => c.name).join(', ')}`,
    `${t(lang, '不活跃年限', 'stale after (years)')}: ${b.staleYears}   ${t(lang, '完整度阈值', 'completeness threshold')}: ${b.completeness.threshold}   ${t(lang, '未成年年龄', 'minor under')}: ${b.minorAge}`,
    `${t(lang, '组织标志词', 'organisation markers')}: ${b.organisationMarkers.length}`,
    ...r.history.map((h) => `  v${h.version}  ${h.createdAt}  ${h.createdBy ?? '-'}  ${h.note ?? ''}`),
  ].join('\n');
}

const def = <K extends OpName>(d: CommandDef<K>): CommandDef => d as unknown as CommandDef;

export const qualityCommands: readonly CommandDef[] = [
  def({
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
      ),
  }),
  def({
    path: ['dispose'],
    op: 'dispositions.apply',
    vault: true,
    description:
      'decide dispositions by rules, first match wins: --rule stale=DESTROY --rule type:business=RETAIN:accounting-30y --rule none=ANONYMISE (or a JSON file) / 按规则设定处置方式',
    configure: (c) =>
      c
        .option('--rule <rule>', 'WHEN=WHAT, or a JSON rules file; repeatable, in order', collect, [])
        .option('--dry-run', 'only count; change nothing')
        .option('--override-manual', 'also replace dispositions set by hand'),
    input: (_a, o) => ({
      rules: parseDisposeRules(o.rule as string[]),
      dryRun: o.dryRun === true,
      keepManual: o.overrideManual !== true,
    }),
    human: humanApplied,
  }),
  def({
    path: ['stats'],
    op: 'records.stats',
    vault: true,
    description: 'counts by type, region, category, flag, duplicates and disposition / 统计',
    input: () => ({}),
    human: humanStats,
  }),
  def({
    path: ['rules', 'get'],
    op: 'classification.rules',
    vault: true,
    description: 'the classification rules in force and their versions / 查看分类规则',
    input: () => ({}),
    human: humanRules,
  }),
  def({
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
];

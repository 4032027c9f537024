// `closeout dispose FILE --rule WHEN=WHAT …`: decide dispositions by rules, first match wins. The JSON it
// prints with --json is documented in docs/CLI.md.
import { existsSync } from 'node:fs';
import type { DispositionApplied } from '../../../shared/contract';
import type { Disposition } from '../../../shared/customer';
import {
  RETENTION_PRESET_NAMES,
  type DispositionRule,
  type RetentionPreset,
} from '../../../shared/dispositions';
import type { Lang } from '../../../shared/errors';
import type { RecordFilter } from '../../../shared/records';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { collect, define, readJson, t } from '../helpers';

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
function parseDisposeRules(values: readonly string[]): DispositionRule[] {
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

export const disposeCommands: readonly CommandDef[] = [
  define({
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
];

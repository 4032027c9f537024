// `closeout risk add|list|update FILE …`: the risk register.
import { RISK_CATEGORIES, RISK_STATUSES, type Risk } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { define, str, t, wholeOption } from '../helpers';

function oneOf<T extends string>(name: string, text: unknown, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(text))
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `${name} must be one of ${allowed.join(', ')} (not ${String(text)})` },
      2,
    );
  return text as T;
}

const level = (name: string) => wholeOption(name, 1);

function humanRisk(r: Risk, lang: Lang): string {
  return [
    `${r.id}  [${r.status}]  ${r.likelihood}×${r.impact}=${r.score} ${r.level}  ${r.title[lang]}`,
    r.finding ? `    ${t(lang, '发现', 'found')}: ${r.finding[lang]}` : '',
    r.owner || r.treatment ? `    ${r.owner ?? '—'}: ${r.treatment ?? '—'}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export const riskCommands: readonly CommandDef[] = [
  define({
    path: ['risk', 'list'],
    op: 'risks.list',
    vault: true,
    description:
      "the risk register: the guide's risks, those the vault detects, those added by hand / 风险登记册",
    input: () => ({}),
    human: (risks, lang) => risks.map((r) => humanRisk(r, lang)).join('\n'),
  }),
  define({
    path: ['risk', 'add'],
    op: 'risks.add',
    vault: true,
    description: 'add a risk to the register / 登记风险',
    configure: (c) =>
      c
        .requiredOption('--title <text>', 'what could happen')
        .requiredOption(
          '--likelihood <1-5>',
          'how likely, 1 (rare) to 5 (almost certain)',
          level('--likelihood'),
        )
        .requiredOption('--impact <1-5>', 'how bad, 1 (minor) to 5 (severe)', level('--impact'))
        .option('--category <category>', RISK_CATEGORIES.join(' | '), 'other')
        .option('--description <text>', 'more about it')
        .option('--owner <name>', 'who answers for it')
        .option('--treatment <text>', 'what is done about it'),
    input: (_a, o) => ({
      title: String(o.title),
      likelihood: Number(o.likelihood),
      impact: Number(o.impact),
      category: oneOf('--category', o.category, RISK_CATEGORIES) ?? 'other',
      description: str(o.description) ?? '',
      owner: str(o.owner),
      treatment: str(o.treatment),
    }),
    human: humanRisk,
  }),
  define({
    path: ['risk', 'update'],
    op: 'risks.update',
    vault: true,
    args: ['<id>'],
    description: "change a risk's likelihood, impact, owner, treatment or status / 更新风险",
    configure: (c) =>
      c
        .option('--likelihood <1-5>', 'how likely', level('--likelihood'))
        .option('--impact <1-5>', 'how bad', level('--impact'))
        .option('--owner <name>', 'who answers for it')
        .option('--treatment <text>', 'what is done about it')
        .option('--status <status>', RISK_STATUSES.join(' | ')),
    input: (args, o) => ({
      id: args[0],
      likelihood: o.likelihood === undefined ? undefined : Number(o.likelihood),
      impact: o.impact === undefined ? undefined : Number(o.impact),
      owner: str(o.owner),
      treatment: str(o.treatment),
      status: oneOf('--status', o.status, RISK_STATUSES),
    }),
    human: humanRisk,
  }),
];

// `closeout report compliance|pipia|dpia|ropa FILE --out DIR`: the signed documents of the compliance
// centre (PDF in Chinese and English, JSON, its detached CMS signature; the ROPA also as CSV).
import type { Command } from 'commander';
import { REGIMES, type Regime } from '../../../shared/contract';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { define, t } from '../helpers';

function regimes(text: unknown): Regime[] | undefined {
  if (typeof text !== 'string') return undefined;
  const list = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.filter((r) => !(REGIMES as readonly string[]).includes(r));
  if (bad.length || list.length === 0)
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `--regimes takes ${REGIMES.join(',')} (not ${bad.join(',') || '""'})` },
      2,
    );
  return list as Regime[];
}

const out = (c: Command) => c.requiredOption('--out <dir>', 'the folder to write into');

export const reportCommands: readonly CommandDef[] = [
  define({
    path: ['report', 'compliance'],
    op: 'compliance.report',
    vault: true,
    description:
      'the compliance report: every checklist item with its status, evidence and article / 合规报告',
    configure: (c) =>
      out(c).option('--regimes <list>', `comma-separated: ${REGIMES.join(',')} (default: those that apply)`),
    input: (_a, o) => ({ dir: { path: String(o.out) }, regimes: regimes(o.regimes) }),
    human: (r, lang) =>
      [
        r.pdf,
        r.json,
        r.signature,
        t(
          lang,
          `符合 ${r.summary.met}，不符合 ${r.summary['not-met']}，不适用 ${r.summary['not-applicable']}，待手工回答 ${r.summary.open}`,
          `met ${r.summary.met}, not met ${r.summary['not-met']}, not applicable ${r.summary['not-applicable']}, to answer by hand ${r.summary.open}`,
        ),
      ].join('\n'),
  }),
  ...(['pipia', 'dpia'] as const).map((kind) =>
    define({
      path: ['report', kind],
      op: 'assessments.write',
      vault: true,
      description:
        kind === 'pipia'
          ? 'the personal information protection impact assessment (PIPL Arts. 55–56) / 个人信息保护影响评估'
          : 'the data protection impact assessment (GDPR Art. 35) / 数据保护影响评估',
      configure: out,
      input: (_a, o) => ({ kind, dir: { path: String(o.out) } }),
      human: (r) => [r.pdf, r.json, r.signature].join('\n'),
    }),
  ),
  define({
    path: ['report', 'ropa'],
    op: 'ropa.write',
    vault: true,
    description:
      'the record of processing activities, from what the vault did (PDF, CSV, signed JSON) / 处理活动记录',
    configure: out,
    input: (_a, o) => ({ dir: { path: String(o.out) } }),
    human: (r) => [r.pdf, r.csv, r.json, r.signature].join('\n'),
  }),
];

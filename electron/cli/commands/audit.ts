// `closeout audit …`: verify, list and export the audit chain.
import type { AuditEntryView, AuditReport } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import { describeProblem } from '../../../shared/audit-problems';
import type { CommandDef } from '../command-def';
import { define, str, t, wholeOption } from '../helpers';

export function humanAudit(r: AuditReport, lang: Lang): string {
  if (r.ok)
    return t(
      lang,
      `审计链完好：${r.entries} 条，${r.checkpoints} 个签名检查点，链头 ${r.head}`,
      `audit chain intact: ${r.entries} entries, ${r.checkpoints} signed checkpoints, head ${r.head}`,
    );
  const lines = [
    t(
      lang,
      `审计证据有 ${r.problemCount} 处问题，第一处在第 ${r.firstProblem?.seq} 条（${r.firstProblem?.kind}）：`,
      `${r.problemCount} problems in the audit evidence, the first at entry ${r.firstProblem?.seq} (${r.firstProblem?.kind}):`,
    ),
    ...r.problems.map((p) => `  ✘ ${describeProblem(p, lang)}`),
  ];
  return lines.join('\n');
}

/** Warnings (evidence that is weaker, not contradicted), one line each. */
export const humanWarnings = (r: AuditReport, lang: Lang): string[] =>
  r.warnings.map((w) => `  ! ${describeProblem(w, lang)}`);

const humanEntries = (entries: AuditEntryView[]) =>
  entries.map((e) => `${e.seq}\t${e.at}\t${e.userName ?? '-'}\t${e.op}\t${e.outcome}`).join('\n');

export const auditCommands: readonly CommandDef[] = [
  define({
    path: ['audit', 'verify'],
    op: 'audit.verify',
    vault: true,
    description: 'check every hash and signature of the audit chain; names the first bad entry / 校验审计链',
    input: () => ({}),
    human: (r: AuditReport, lang) => [humanAudit(r, lang), ...humanWarnings(r, lang)].join('\n'),
    exitCode: (r) => (r.ok ? 0 : 3),
  }),
  define({
    path: ['audit', 'list'],
    op: 'audit.list',
    vault: true,
    description: 'audit entries, newest first / 审计记录',
    configure: (c) =>
      c
        .option('--by <user>', 'only this user')
        .option('--op <operation>', 'only this operation')
        .option('--limit <n>', 'how many', wholeOption('--limit'), 200),
    input: (_a, o) => ({ userName: str(o.by), op: str(o.op), limit: o.limit as number }),
    human: humanEntries,
  }),
  define({
    path: ['audit', 'export'],
    op: 'audit.export',
    vault: true,
    description: 'write the audit log as CSV and signed JSON / 导出审计记录',
    configure: (c) => c.requiredOption('--out <dir>', 'folder for the files'),
    input: (_a, o) => ({ dir: { path: String(o.out) } }),
    human: (r) => r.files.join('\n'),
  }),
];

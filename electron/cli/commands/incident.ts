// `closeout incident add|list|notice|decide|close|plan FILE …` and `closeout drill log|list FILE …`: the
// register of security incidents, the emergency plan and the drills.
import type { Command } from 'commander';
import type { DrillEntry, IncidentEntry, OpInput } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import {
  INCIDENT_KINDS,
  INCIDENT_REGIMES,
  NOTICE_AUDIENCES,
  NOTICE_DECISIONS,
  type IncidentTimer,
} from '../../../shared/incidents';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { collect, define, oneOf, str, t, wholeOption } from '../helpers';

function humanTimer(x: IncidentTimer, lang: Lang): string {
  const left =
    x.hoursLeft === null
      ? ''
      : x.hoursLeft < 0
        ? t(lang, ` 已超 ${-x.hoursLeft} 小时`, ` ${-x.hoursLeft} h over`)
        : t(lang, ` 剩 ${x.hoursLeft} 小时`, ` ${x.hoursLeft} h left`);
  return `${x.regime}:${x.audience} ${x.state}${x.deadline ? ` ${t(lang, '期限', 'due')} ${x.deadline}` : ''}${left}`;
}

function humanIncident(e: IncidentEntry, lang: Lang): string {
  const a = e.affected;
  return [
    `${e.ref}  [${e.status}]  ${e.kind}  ${t(lang, '发现于', 'discovered')} ${e.discoveredAt}  ${e.regimes.join(',')}`,
    `    ${t(lang, '受影响', 'affected')}: ${a.records ?? '?'} ${t(lang, '条记录', 'record(s)')} (${a.basis})  ${t(lang, '加密', 'encrypted')}: ${a.encrypted ?? '?'}${a.keyExposed ? t(lang, '（密钥泄露）', ' (key exposed)') : ''}`,
    ...e.timers.map((x) => `    ${humanTimer(x, lang)}`),
    ...e.notices.map(
      (n) => `    ${n.regime}:${n.audience} ${n.files.join(', ')}${n.sentAt ? ` sent ${n.sentAt}` : ''}`,
    ),
  ].join('\n');
}

function humanDrill(d: DrillEntry): string {
  return `${d.heldOn}  ${d.kind}  ${d.scenario}  (${d.participants.join(', ')})\n    ${d.findings}`;
}

type Source = NonNullable<OpInput<'incidents.add'>['source']>;

function sourceOf(o: Record<string, unknown>): Source | undefined {
  const given: Source[] = [];
  if (o.backup !== undefined)
    given.push({
      from: 'backup',
      backupId: String(o.backup),
      ...(o.manifest === undefined ? {} : { manifest: { path: String(o.manifest) } }),
    });
  if (o.package !== undefined) given.push({ from: 'package', transferId: Number(o.package) });
  if (o.wholeVault === true) given.push({ from: 'vault' });
  if (o.records !== undefined)
    given.push({
      from: 'entered',
      records: Number(o.records),
      encrypted: o.encrypted === undefined ? null : o.encrypted === 'yes',
    });
  if (given.length > 1)
    throw CliError.of(
      'INVALID_INPUT',
      { detail: 'give one of --backup, --package, --whole-vault, --records' },
      2,
    );
  return given[0];
}

const incidentArg = ['<incident>'];
const regimeOption = (c: Command) =>
  c
    .requiredOption('--regime <law>', INCIDENT_REGIMES.join(' | '), oneOf('--regime', INCIDENT_REGIMES))
    .requiredOption('--to <audience>', NOTICE_AUDIENCES.join(' | '), oneOf('--to', NOTICE_AUDIENCES));

export const incidentCommands: readonly CommandDef[] = [
  define({
    path: ['incident', 'list'],
    op: 'incidents.list',
    vault: true,
    description: 'security incidents, who is affected and the notification timers / 安全事件登记册',
    configure: (c) => c.option('--open', 'only incidents not closed yet'),
    input: (_a, o) => ({ open: o.open === true }),
    human: (list, lang) => list.map((e) => humanIncident(e, lang)).join('\n'),
  }),
  define({
    path: ['incident', 'add'],
    op: 'incidents.add',
    vault: true,
    description: 'register a security incident; who is affected is computed from the vault / 登记安全事件',
    configure: (c) =>
      c
        .requiredOption('--kind <kind>', INCIDENT_KINDS.join(' | '), oneOf('--kind', INCIDENT_KINDS))
        .requiredOption('--description <text>', 'what happened, without personal data')
        .option('--discovered <when>', 'when it was discovered, ISO date-time (default: now)')
        .option('--backup <id>', 'lost backup: its id (the records its manifest held)')
        .option('--manifest <file>', 'lost backup: a copy of its manifest, if the one beside it is gone')
        .option(
          '--package <n>',
          'wrong recipient: the handover package (transfer) number',
          wholeOption('--package', 1),
        )
        .option('--whole-vault', 'every record in the vault is affected')
        .option('--records <n>', 'otherwise: how many records are affected', wholeOption('--records', 0))
        .option(
          '--encrypted <yes|no>',
          'with --records: whether the data was encrypted',
          oneOf('--encrypted', ['yes', 'no'] as const),
        )
        .option('--key-exposed', 'the key or passphrase went with the data')
        .option(
          '--regime <law>',
          `a law whose timers run (repeatable): ${INCIDENT_REGIMES.join(' | ')}`,
          collect,
          [],
        ),
    input: (_a, o) => ({
      kind: o.kind as IncidentEntry['kind'],
      description: String(o.description),
      discoveredAt: str(o.discovered) ?? new Date().toISOString(),
      source: sourceOf(o),
      keyExposed: o.keyExposed === true,
      regimes: (o.regime as string[]).length ? (o.regime as IncidentEntry['regimes']) : undefined,
    }),
    human: humanIncident,
  }),
  define({
    path: ['incident', 'notice'],
    op: 'incidents.notice',
    vault: true,
    args: incidentArg,
    description: 'write a notification draft (zh + en PDF) or record that it was sent / 事件通知',
    configure: (c) =>
      regimeOption(c)
        .option('--out <dir>', 'write the draft into this folder')
        .option('--sent <when>', 'record the notice as sent at this ISO date-time')
        .option(
          '--delay-reasons <text>',
          'why the notice went after its deadline (GDPR Art. 33(1)), with --sent or for a notice already sent',
        ),
    input: (args, o) => ({
      id: args[0],
      regime: o.regime as IncidentEntry['regimes'][number],
      audience: o.to as (typeof NOTICE_AUDIENCES)[number],
      out: o.out === undefined ? undefined : { path: String(o.out) },
      sentAt: str(o.sent),
      delayReasons: str(o.delayReasons),
    }),
    human: humanIncident,
  }),
  define({
    path: ['incident', 'decide'],
    op: 'incidents.decide',
    vault: true,
    args: incidentArg,
    description: 'record whether to notify, and why / 记录是否通知的决定',
    configure: (c) =>
      regimeOption(c)
        .requiredOption('--decision <d>', NOTICE_DECISIONS.join(' | '), oneOf('--decision', NOTICE_DECISIONS))
        .requiredOption('--reason <text>', 'why'),
    input: (args, o) => ({
      id: args[0],
      regime: o.regime as IncidentEntry['regimes'][number],
      audience: o.to as (typeof NOTICE_AUDIENCES)[number],
      decision: o.decision as (typeof NOTICE_DECISIONS)[number],
      reason: String(o.reason),
    }),
    human: humanIncident,
  }),
  define({
    path: ['incident', 'close'],
    op: 'incidents.close',
    vault: true,
    args: incidentArg,
    description: 'close an incident with what was learned / 关闭事件',
    configure: (c) => c.requiredOption('--note <text>', 'what was done and learned'),
    input: (args, o) => ({ id: args[0], note: String(o.note) }),
    human: humanIncident,
  }),
  define({
    path: ['incident', 'plan'],
    op: 'incidents.exportPlan',
    vault: true,
    description: 'write the emergency plan as a PDF / 导出应急预案',
    configure: (c) => c.requiredOption('--out <dir>', 'the folder'),
    input: (_a, o) => ({ out: { path: String(o.out) } }),
    human: (r) => r.file,
  }),
  define({
    path: ['drill', 'list'],
    op: 'incidents.drills',
    vault: true,
    description: 'the emergency drills held / 应急演练记录',
    input: () => ({}),
    human: (list) => list.map(humanDrill).join('\n'),
  }),
  define({
    path: ['drill', 'log'],
    op: 'incidents.logDrill',
    vault: true,
    description: 'log an emergency drill / 记录应急演练',
    configure: (c) =>
      c
        .option('--date <day>', 'the day it was held, YYYY-MM-DD (default: today)')
        .requiredOption(
          '--kind <kind>',
          `the incident rehearsed: ${INCIDENT_KINDS.join(' | ')}`,
          oneOf('--kind', INCIDENT_KINDS),
        )
        .requiredOption('--scenario <text>', 'what was rehearsed')
        .requiredOption('--participant <name>', 'who took part (repeatable)', collect, [])
        .requiredOption('--findings <text>', 'what was found and what changes'),
    input: (_a, o) => ({
      heldOn: str(o.date) ?? new Date().toISOString().slice(0, 10),
      kind: o.kind as DrillEntry['kind'],
      scenario: String(o.scenario),
      participants: o.participant as string[],
      findings: String(o.findings),
    }),
    human: humanDrill,
  }),
];

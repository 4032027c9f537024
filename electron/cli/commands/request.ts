// `closeout request add|list|extend|fulfil|close FILE …`: the register of customers' requests.
import type { RequestEntry } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import {
  IDENTITY_CHECKS,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_OUTCOMES,
  REQUEST_REGIMES,
} from '../../../shared/requests';
import { PIPL_TRIGGERS } from '../../../shared/wipe';
import type { CommandDef } from '../command-def';
import { collect, define, oneOf, str, t, wholeOption } from '../helpers';

function humanRequest(r: RequestEntry, lang: Lang): string {
  const due =
    r.daysLeft === null
      ? ''
      : r.daysLeft < 0
        ? t(lang, `已逾期 ${-r.daysLeft} 天`, `${-r.daysLeft} day(s) overdue`)
        : t(lang, `剩 ${r.daysLeft} 天`, `${r.daysLeft} day(s) left`);
  return [
    `${r.ref}  [${r.status}${r.outcome ? `: ${r.outcome}` : ''}]  ${r.kind}  ${r.regime}  ${t(lang, '收到', 'received')} ${r.receivedOn}  ${t(lang, '期限', 'due')} ${r.due.date} ${due}`,
    `    ${t(lang, '记录', 'record')}: ${r.recordId ?? t(lang, '未找到', 'not found')}  ${t(lang, '身份核验', 'identity check')}: ${r.identityCheck}`,
    r.acknowledgement
      ? `    ${t(lang, '确认收到', 'acknowledged')}: ${r.acknowledgement.on ?? t(lang, `未确认，期限 ${r.acknowledgement.due}`, `not yet, due ${r.acknowledgement.due}`)}`
      : '',
    r.fulfilment ? `    ${r.fulfilment.action}: ${r.fulfilment.files.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

const requestArg = ['<request>'];

export const requestCommands: readonly CommandDef[] = [
  define({
    path: ['request', 'list'],
    op: 'requests.list',
    vault: true,
    description: "customers' requests and complaints, with their due dates / 客户请求登记册",
    configure: (c) => c.option('--open', 'only requests not closed yet'),
    input: (_a, o) => ({ open: o.open === true }),
    human: (list, lang) => list.map((r) => humanRequest(r, lang)).join('\n'),
  }),
  define({
    path: ['request', 'add'],
    op: 'requests.add',
    vault: true,
    description: "register a customer's request or complaint / 登记客户请求",
    configure: (c) =>
      c
        .requiredOption('--kind <kind>', REQUEST_KINDS.join(' | '), oneOf('--kind', REQUEST_KINDS))
        .option(
          '--record <id>',
          "the customer's record (omit when none was found)",
          wholeOption('--record', 1),
        )
        .option('--regime <regime>', REQUEST_REGIMES.join(' | '), oneOf('--regime', REQUEST_REGIMES), 'pipl')
        .option(
          '--channel <channel>',
          REQUEST_CHANNELS.join(' | '),
          oneOf('--channel', REQUEST_CHANNELS),
          'other',
        )
        .option('--received <date>', 'the day it was received, YYYY-MM-DD (default: today)')
        .option(
          '--identity <check>',
          `what was seen to check who asks: ${IDENTITY_CHECKS.join(' | ')}`,
          oneOf('--identity', IDENTITY_CHECKS),
          'not-checked',
        )
        .option(
          '--working-days <n>',
          'PIPL: working days to answer in (default 15)',
          wholeOption('--working-days', 1),
        )
        .option('--note <text>', 'what it is about, without personal data'),
    input: (_a, o) => ({
      kind: o.kind as RequestEntry['kind'],
      recordId: o.record === undefined ? null : Number(o.record),
      regime: o.regime as RequestEntry['regime'],
      channel: o.channel as RequestEntry['channel'],
      receivedOn: str(o.received) ?? new Date().toISOString().slice(0, 10),
      identityCheck: o.identity as RequestEntry['identityCheck'],
      workingDays: o.workingDays === undefined ? undefined : Number(o.workingDays),
      note: str(o.note) ?? '',
    }),
    human: humanRequest,
  }),
  define({
    path: ['request', 'acknowledge'],
    op: 'requests.acknowledge',
    vault: true,
    args: requestArg,
    description: "record that a CCPA request's receipt was confirmed / 记录已确认收到（CCPA）",
    configure: (c) => c.option('--on <date>', 'the day it was confirmed, YYYY-MM-DD (default: today)'),
    input: ([id], o) => ({ id, on: str(o.on) }),
    human: (r, lang) => humanRequest(r, lang),
  }),
  define({
    path: ['request', 'extend'],
    op: 'requests.extend',
    vault: true,
    args: requestArg,
    description: 'extend the period once (GDPR +2 months, CCPA +45 days; PIPL: --working-days) / 延期',
    configure: (c) =>
      c
        .requiredOption('--reason <text>', 'why (told to the person)')
        .option(
          '--working-days <n>',
          'PIPL: the new count of working days',
          wholeOption('--working-days', 1),
        ),
    input: (args, o) => ({
      id: args[0],
      reason: String(o.reason),
      workingDays: o.workingDays === undefined ? undefined : Number(o.workingDays),
    }),
    human: humanRequest,
  }),
  define({
    path: ['request', 'fulfil'],
    op: 'requests.fulfil',
    vault: true,
    args: requestArg,
    description:
      'answer from the vault: copy (JSON + CSV + letter), correction, deletion with certificate, objection / 办理请求',
    configure: (c) =>
      c
        .requiredOption('--out <dir>', 'the folder the answer goes to')
        .option('--set <field=value>', 'correction: a new value (repeatable)', collect, [])
        .option(
          '--trigger <why>',
          `deletion: PIPL Art. 47 ground, ${PIPL_TRIGGERS.join(', ')}`,
          oneOf('--trigger', PIPL_TRIGGERS),
          'consent-withdrawn',
        ),
    input: (args, o) => ({
      id: args[0],
      out: { path: String(o.out) },
      corrections: (o.set as string[]).map((s) => {
        const at = s.indexOf('=');
        return at < 0 ? { field: s, value: '' } : { field: s.slice(0, at), value: s.slice(at + 1) };
      }),
      trigger: o.trigger as (typeof PIPL_TRIGGERS)[number],
    }),
    human: humanRequest,
  }),
  define({
    path: ['request', 'close'],
    op: 'requests.close',
    vault: true,
    args: requestArg,
    description: 'close a request with its outcome / 关闭请求',
    configure: (c) =>
      c
        .requiredOption(
          '--outcome <outcome>',
          REQUEST_OUTCOMES.join(' | '),
          oneOf('--outcome', REQUEST_OUTCOMES),
        )
        .option('--note <text>', 'the reasons (a refusal must say why)'),
    input: (args, o) => ({
      id: args[0],
      outcome: o.outcome as RequestEntry['outcome'] & string,
      note: str(o.note),
    }),
    human: humanRequest,
  }),
];

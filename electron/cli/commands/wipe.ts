// `closeout wipe …`: the secure wipe of records or of the whole vault (with --dry-run first), the paper
// and cloud destruction logs, and the interrupted wipes (pending, resume). The JSON printed with --json
// is documented in docs/CLI.md.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { WipeCheck, WipeResult } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import { PAPER_METHODS, PIPL_TRIGGERS, PROCESSOR_OUTCOMES, SHRED_LEVELS } from '../../../shared/wipe';
import type { CommandDef } from '../command-def';
import { collect, define, oneOf, parseFilter, str, t, wholeOption } from '../helpers';

const fileRef = (v: unknown) => (str(v) ? { path: String(v) } : undefined);

const checks = (list: WipeCheck[]) =>
  list.map((c) => `${c.ok ? '✔' : '✘'} ${c.name}: ${c.detail}`).join('\n');

function humanWipe(r: WipeResult, lang: Lang): string {
  const p = r.plan;
  const lines = [
    r.dryRun ? t(lang, '试运行：未做任何更改', 'dry run: nothing was changed') : '',
    r.resumed ? t(lang, '已完成一次中断的擦除', 'finished an interrupted wipe') : '',
    t(
      lang,
      `记录：销毁 ${p.records.destroy}（含并入的 ${p.records.mergedWith}），匿名化 ${p.records.anonymise}，隔离行 ${p.records.quarantine}，依法保留 ${p.records.keptTotal}`,
      `records: destroy ${p.records.destroy} (incl. ${p.records.mergedWith} merged into them), anonymise ${p.records.anonymise}, quarantined rows ${p.records.quarantine}, kept under a legal hold ${p.records.keptTotal}`,
    ),
    ...p.records.kept.map(
      (k) => `  ${t(lang, '保留', 'kept')} ${k.records}: ${k.basis} → ${k.retainUntil ?? '—'}`,
    ),
    ...p.files.map(
      (f) =>
        `${f.action.padEnd(9)} ${f.kind.padEnd(18)} ${f.path}${f.reason ? ` (${f.reason})` : ''}${f.done ? ' ✔' : ''}`,
    ),
    ...p.backups.map(
      (b) =>
        `${b.action.padEnd(14)} backup ${b.createdAt} ${b.path}${b.failed ? ` ✘ ${b.failed}` : b.done ? ' ✔' : ''}`,
    ),
    ...p.keyCopies.map((k) => `${k.action.padEnd(9)} ${k.kind} ${k.label} (${k.where})`),
    ...p.warnings.map((w) => `! ${w}`),
    r.verification ? checks(r.verification.checks) : '',
    r.certificate
      ? [
          t(lang, '销毁证明：', 'certificate:'),
          r.certificate.pdf,
          r.certificate.json,
          r.certificate.signature,
          r.certificate.companyCertificate,
        ].join('\n')
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}

/** The options every wipe takes for its certificate, and the import files it may destroy. */
function certificateOptions(c: Command): Command {
  return c
    .option('--dry-run', 'list exactly what each scope would do; change nothing')
    .option(
      '--certificate-dir <dir>',
      'where the certificate of sanitisation goes (kept apart from the data)',
    )
    .option(
      '--source <file>',
      'also overwrite and delete this original import file (repeatable)',
      collect,
      [],
    )
    .option(
      '--trigger <why>',
      `PIPL Art. 47 trigger: ${PIPL_TRIGGERS.join(', ')}`,
      oneOf('--trigger', PIPL_TRIGGERS),
      'ceased-business',
    )
    .option('--title <title>', 'your title, for the certificate')
    .option('--location <place>', 'where the wipe is done, for the certificate')
    .option('--contact <contact>', 'how to reach you, for the certificate')
    .option('--verifier <name>', 'the second person who verified the result')
    .option('--verifier-title <title>', "the verifier's title");
}

const certificateInput = (o: Record<string, unknown>) => ({
  dryRun: o.dryRun === true,
  certificateDir: fileRef(o.certificateDir),
  sources: (o.source as string[]).map((path) => ({ path })),
  trigger: o.trigger as (typeof PIPL_TRIGGERS)[number],
  signatory:
    str(o.title) || str(o.location) || str(o.contact)
      ? { title: str(o.title), location: str(o.location), contact: str(o.contact) }
      : undefined,
  verifier: str(o.verifier) ? { name: String(o.verifier), title: str(o.verifierTitle) } : undefined,
});

const failed = (r: WipeResult) =>
  (r.verification && !r.verification.ok) || r.plan.backups.some((b) => b.failed) ? 3 : 0;

export const wipeCommands: readonly CommandDef[] = [
  define({
    path: ['wipe', 'records'],
    op: 'wipe.records',
    vault: true,
    description:
      'purge DESTROY records (or --filter) and every copy, reduce ANONYMISE ones; verify; signed certificate / 销毁记录',
    configure: (c) =>
      certificateOptions(
        c
          .option(
            '--filter <json>',
            'which records (as on the Records page); RETAIN records are never touched',
          )
          .option('--keep-quarantine', 'leave the quarantined rows')
          .option('--outputs', 'also overwrite and delete the exports Closeout wrote (still as written)'),
      ),
    input: (_a, o) => ({
      filter: parseFilter(str(o.filter)),
      quarantine: o.keepQuarantine !== true,
      outputs: o.outputs === true,
      ...certificateInput(o),
    }),
    human: humanWipe,
    exitCode: failed,
  }),
  define({
    path: ['wipe', 'vault'],
    op: 'wipe.vault',
    vault: true,
    description:
      'owner: cryptographic erase of the whole vault, then overwrite it, its keyring, sidecars, backups, outputs; certificate / 擦除整个保险库',
    configure: (c) =>
      certificateOptions(
        c
          .option('--confirm <client name>', "the client's name, typed to confirm")
          .option('--include-backups', 'also overwrite the backups on attached disks (absent ones: listed)')
          .option(
            '--retained-kept-elsewhere',
            'records under a legal hold have been exported and are kept elsewhere',
          ),
      ),
    input: (_a, o) => ({
      confirm: str(o.confirm),
      includeBackups: o.includeBackups === true,
      retainedKeptElsewhere: o.retainedKeptElsewhere === true,
      ...certificateInput(o),
    }),
    // A rerun after the keys were destroyed cannot unlock: it finishes the wipe from its journal instead.
    // So does a rerun after it finished but was killed before it could say so.
    instead: async (file, call) => {
      const pending = (await call('wipe.pending', {})).find(
        (p) => p.kind === 'vault' && !p.needsVault && resolve(p.vaultFile) === resolve(file),
      );
      if (!pending && existsSync(file)) return null;
      const resumed = await call('wipe.resume', {
        vault: { path: file },
        ...(pending ? { wipeId: pending.wipeId } : {}),
      });
      return resumed.completed.find((r) => r.kind === 'vault') ?? null;
    },
    human: humanWipe,
    exitCode: failed,
  }),
  define({
    path: ['wipe', 'paper'],
    op: 'wipe.logPaper',
    vault: true,
    description:
      'log a batch of paper destroyed (method, level, witness; evidence file hashed) / 纸质销毁登记',
    configure: (c) =>
      c
        .requiredOption('--batch <id>', 'the batch number or name')
        .requiredOption('--method <method>', PAPER_METHODS.join(', '), oneOf('--method', PAPER_METHODS))
        .requiredOption('--witness <name>', 'who witnessed it')
        .option('--description <text>', 'what the batch held', 'customer records / 客户资料')
        .option('--sheets <n>', 'number of sheets', wholeOption('--sheets', 1))
        .option('--boxes <n>', 'number of boxes', wholeOption('--boxes', 1))
        .option(
          '--level <P-n>',
          `shredder security level (DIN 66399 / GB/T 39710): ${SHRED_LEVELS.join(', ')}`,
          oneOf('--level', SHRED_LEVELS),
        )
        .option('--particle-size <size>', 'e.g. "2 x 15 mm"')
        .option('--company <name>', 'the destruction company')
        .option('--company-certificate <ref>', "the destruction company's certificate number")
        .option('--date <YYYY-MM-DD>', 'when (default today)')
        .option('--operator <name>', 'who destroyed it (default you)')
        .option('--recovery-sheet', "the batch held the vault's paper recovery sheet")
        .option('--evidence <file>', 'a photo or the company certificate: its SHA-256 is recorded'),
    input: (_a, o) => ({
      batch: String(o.batch),
      description: String(o.description),
      sheets: o.sheets as number | undefined,
      boxes: o.boxes as number | undefined,
      method: o.method as (typeof PAPER_METHODS)[number],
      level: o.level as (typeof SHRED_LEVELS)[number] | undefined,
      particleSize: str(o.particleSize),
      company: str(o.company),
      companyCertificate: str(o.companyCertificate),
      date: str(o.date) ?? new Date().toISOString().slice(0, 10),
      operator: str(o.operator),
      witness: String(o.witness),
      recoverySheet: o.recoverySheet === true,
      evidence: fileRef(o.evidence),
    }),
    human: (e, lang) =>
      t(lang, `已登记纸质销毁 #${e.id}：${e.batch}`, `paper destruction #${e.id} logged: ${e.batch}`) +
      (e.evidence ? `\n${e.evidence.name} SHA-256 ${e.evidence.sha256}` : ''),
  }),
  define({
    path: ['wipe', 'cloud'],
    op: 'wipe.logCloud',
    vault: true,
    description: 'log a deletion requested or confirmed by a cloud service or other system / 云端删除登记',
    configure: (c) =>
      c
        .requiredOption('--service <name>', 'the service or system')
        .requiredOption('--account <account>', 'the account there')
        .requiredOption(
          '--status <status>',
          'requested or confirmed',
          oneOf('--status', ['requested', 'confirmed']),
        )
        .option('--data <text>', 'what data it held (needed the first time)')
        .option('--reference <ref>', "the service's reference or ticket number")
        .option('--requested-on <YYYY-MM-DD>', 'when the deletion was requested')
        .option('--confirmed-on <YYYY-MM-DD>', 'when it was confirmed')
        .option('--account-closed', 'the account is closed')
        .option(
          '--processor <outcome>',
          "a processor's confirmation: returned or deleted",
          oneOf('--processor', PROCESSOR_OUTCOMES),
        )
        .option('--note <text>', 'anything else')
        .option('--evidence <file>', 'a screenshot or the confirmation e-mail: its SHA-256 is recorded'),
    input: (_a, o) => ({
      service: String(o.service),
      account: String(o.account),
      data: str(o.data),
      status: o.status as 'requested' | 'confirmed',
      requestedOn: str(o.requestedOn),
      confirmedOn: str(o.confirmedOn),
      reference: str(o.reference),
      accountClosed: o.accountClosed === true ? true : undefined,
      processor: o.processor as (typeof PROCESSOR_OUTCOMES)[number] | undefined,
      note: str(o.note),
      evidence: fileRef(o.evidence),
    }),
    human: (e, lang) =>
      t(lang, `已登记 ${e.service} / ${e.account}：${e.status}`, `${e.service} / ${e.account}: ${e.status}`),
  }),
  define({
    path: ['wipe', 'logs'],
    op: 'wipe.logs',
    vault: true,
    description: 'the paper and cloud logs and the wipes this vault has been through / 销毁登记与证明',
    input: () => ({}),
    human: (l, lang) =>
      [
        ...l.paper.map(
          (p) =>
            `${t(lang, '纸质', 'paper')} ${p.date} ${p.batch} ${p.method}${p.level ? ` ${p.level}` : ''} ${t(lang, '见证', 'witness')} ${p.witness}`,
        ),
        ...l.cloud.map(
          (c) =>
            `${t(lang, '云端', 'cloud')} ${c.service} / ${c.account}: ${c.status}${c.accountClosed ? ', closed' : ''}`,
        ),
        ...l.wipes.map((w) => `${t(lang, '擦除', 'wipe')} ${w.at} ${w.kind} ${w.certificateSha256}`),
      ].join('\n') || t(lang, '尚无登记。', 'Nothing logged yet.'),
  }),
  define({
    path: ['wipe', 'pending'],
    op: 'wipe.pending',
    description: 'wipes that began and did not finish (a kill, a pulled disk) / 未完成的擦除',
    input: () => ({}),
    human: (list, lang) =>
      list
        .map(
          (p) =>
            `${p.wipeId} ${p.kind} ${p.clientName} ${p.step}${p.needsVault ? t(lang, '（需解锁保险库）', ' (needs the vault unlocked)') : ''}`,
        )
        .join('\n') || t(lang, '没有未完成的擦除。', 'No interrupted wipe.'),
  }),
  define({
    path: ['wipe', 'resume'],
    op: 'wipe.resume',
    description: 'finish interrupted whole-vault wipes whose keys are already destroyed / 完成中断的擦除',
    configure: (c) => c.option('--wipe <id>', 'only this wipe'),
    input: (_a, o) => ({ wipeId: str(o.wipe) }),
    human: (r, lang) =>
      [
        ...r.completed.map((w) => humanWipe(w, lang)),
        ...r.pending.map(
          (p) =>
            `${p.wipeId}: ${t(lang, '需解锁保险库后再次运行', 'unlock the vault and run the wipe again')}`,
        ),
      ].join('\n\n') || t(lang, '没有未完成的擦除。', 'No interrupted wipe.'),
    exitCode: (r) => (r.pending.length ? 3 : 0),
  }),
];

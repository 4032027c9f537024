// `closeout backup …`: create, verify, drill, restore, list and prune backups.
import type {
  BackupCheck,
  BackupPruneItem,
  BackupPrunePlan,
  BackupRecord,
  BackupVerification,
} from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import type { CommandDef } from '../command-def';
import { define, str, t, wholeOption } from '../helpers';
import { readSecretFile } from '../passphrase';

const humanChecks = (checks: BackupCheck[]) =>
  checks.map((c) => `${c.ok ? '✔' : '✘'} ${c.name}: ${c.detail}`).join('\n');

function humanVerification(r: BackupVerification, lang: Lang): string {
  return [
    r.manifest
      ? `${r.manifest.clientName}  ${r.manifest.createdAt}  ${t(lang, '保险库', 'vault')} ${r.manifest.vaultId}`
      : '',
    r.signer
      ? `${t(lang, '签名者', 'signer')}: ${r.signer.subject}  SHA-256 ${r.signer.fingerprintSha256}` +
        (r.signer.pinnedTo ? '' : t(lang, '（请与公司证书核对）', ' (compare with the company certificate)'))
      : '',
    humanChecks(r.checks),
    r.ok ? t(lang, '✔ 备份完好', '✔ backup is sound') : t(lang, '✘ 备份有问题', '✘ the backup has problems'),
  ]
    .filter(Boolean)
    .join('\n');
}

const humanBackups = (rows: BackupRecord[], lang: Lang) =>
  rows.length === 0
    ? t(lang, '还没有备份。', 'No backups yet.')
    : rows
        .map((b) =>
          [
            b.createdAt,
            b.present ? b.path : `${b.path} (${t(lang, '找不到', 'missing')})`,
            b.size,
            b.lastVerifyOk === null ? '-' : b.lastVerifyOk ? 'verified' : 'FAILED',
            `${b.drills.length} drills`,
          ].join('\t'),
        )
        .join('\n');

function humanPrune(r: BackupPrunePlan, lang: Lang): string {
  const verb = (i: BackupPruneItem) =>
    i.action === 'keep'
      ? `${t(lang, '保留', 'keep')} (${i.reasons.join(', ')})`
      : i.deleted
        ? t(lang, '已删除', 'deleted')
        : i.note === 'absent'
          ? t(lang, '未删除：磁盘不在', 'not deleted: disk absent')
          : i.note === 'failed'
            ? t(lang, '删除失败', 'FAILED to delete')
            : t(lang, '将删除', 'would delete');
  return [
    ...r.items.map((i) => [i.createdAt, verb(i), i.path].join('\t')),
    r.dryRun
      ? t(lang, `试运行：未做任何更改（保留 ${r.kept}）`, `dry run: nothing changed (${r.kept} kept)`)
      : t(
          lang,
          `保留 ${r.kept}，删除 ${r.deleted}，磁盘不在 ${r.absent}`,
          `kept ${r.kept}, deleted ${r.deleted}, disk absent ${r.absent}`,
        ),
  ].join('\n');
}

export const backupCommands: readonly CommandDef[] = [
  define({
    path: ['backup', 'create'],
    op: 'backup.create',
    vault: true,
    description: 'write an encrypted backup with a signed manifest to a folder on another disk / 备份到磁盘',
    configure: (c) => c.requiredOption('--to <dir>', 'the destination folder (not the vault folder)'),
    input: (_a, o) => ({ dir: { path: String(o.to) } }),
    human: (r) => [r.path, `${r.size} bytes  SHA-256 ${r.sha256}`].join('\n'),
  }),
  define({
    path: ['backup', 'verify'],
    op: 'backup.verify',
    args: ['<backup>'],
    description:
      'check a backup against its signed manifest (key from --recovery-key-file); exit 3 if not sound / 校验备份',
    configure: (c) =>
      c.option('--recovery-key-file <file>', "the vault's recovery key, to check every page and record"),
    input: (args, o) => ({
      backup: { path: args[0] },
      recoveryKey: str(o.recoveryKeyFile) ? readSecretFile(String(o.recoveryKeyFile)) : undefined,
    }),
    human: humanVerification,
    exitCode: (r) => (r.ok ? 0 : 3),
  }),
  define({
    path: ['backup', 'drill'],
    op: 'backup.drill',
    vault: true,
    args: ['<backup>'],
    description: 'restore a backup into a scratch folder, compare, delete, record the drill / 恢复演练',
    configure: (c) =>
      c.option(
        '--certificate-dir <dir>',
        'write a signed restore-drill certificate (PDF + JSON + .p7s) here when the drill passes',
      ),
    input: (args, o) => ({
      backup: { path: args[0] },
      certificateDir: str(o.certificateDir) ? { path: String(o.certificateDir) } : undefined,
    }),
    human: (r, lang) =>
      [
        humanChecks(r.checks),
        r.certificate
          ? `${t(lang, '恢复演练证明', 'certificate')}: ${r.certificate.pdf}\n${r.certificate.json}\n${r.certificate.signature}`
          : '',
        r.ok
          ? t(lang, '✔ 恢复演练通过，已记录', '✔ restore verified and recorded')
          : t(lang, '✘ 恢复演练未通过', '✘ restore drill failed'),
      ].join('\n'),
    exitCode: (r) => (r.ok ? 0 : 3),
  }),
  define({
    path: ['backup', 'restore'],
    op: 'backup.restore',
    args: ['<backup>'],
    description: 'verify a backup and restore it as a new vault file / 从备份恢复为新保险库',
    configure: (c) =>
      c
        .requiredOption('--to <file>', 'the new vault file (never overwritten)')
        .requiredOption('--recovery-key-file <file>', "the vault's recovery key"),
    input: (args, o) => ({
      backup: { path: args[0] },
      to: { path: String(o.to) },
      recoveryKey: readSecretFile(String(o.recoveryKeyFile)),
    }),
    human: (r, lang) =>
      [
        t(lang, `已恢复为 ${r.path}`, `restored to ${r.path}`),
        r.keyring === 'recovery-only'
          ? t(
              lang,
              '新保险库只能用恢复密钥打开；请用 vault passphrase 设置口令',
              'the restored vault opens with the recovery key only; set passphrases with `closeout vault passphrase`',
            )
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
  }),
  define({
    path: ['backup', 'list'],
    op: 'backup.list',
    vault: true,
    description: "the vault's backups, their last verification and drills / 备份列表",
    input: () => ({}),
    human: humanBackups,
  }),
  define({
    path: ['backup', 'prune'],
    op: 'backup.prune',
    vault: true,
    description:
      'retention: keep the last N (+ newest per day / month), never the last verified copy; --dry-run shows the plan / 按保留规则删除旧备份',
    configure: (c) =>
      c
        .requiredOption('--keep-last <n>', 'keep the newest N copies', wholeOption('--keep-last'))
        .option(
          '--keep-daily <d>',
          'also the newest copy of each of the last D days',
          wholeOption('--keep-daily'),
          0,
        )
        .option(
          '--keep-monthly <m>',
          'also the newest copy of each of the last M months',
          wholeOption('--keep-monthly'),
          0,
        )
        .option('--dry-run', 'show what would be deleted; change nothing'),
    input: (_a, o) => ({
      keepLast: o.keepLast as number,
      keepDaily: o.keepDaily as number,
      keepMonthly: o.keepMonthly as number,
      dryRun: o.dryRun === true,
    }),
    human: humanPrune,
    exitCode: (r) => (r.items.some((i) => i.note === 'failed') ? 3 : 0),
  }),
];

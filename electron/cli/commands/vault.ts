// `closeout vault …`: create, inspect, check and register vaults, and their recovery key.
import { readFileSync, writeFileSync } from 'node:fs';
import { describeProblem } from '../../../shared/audit-problems';
import type { RekeyOutcome, VaultCheckReport, VaultDetails, VaultSummary } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import { CliError } from '../cli-error';
import type { CommandDef } from '../command-def';
import { define, str, t } from '../helpers';
import { readPassphrase } from '../passphrase';
import { humanAudit, humanWarnings } from './audit';

function humanVaults(vaults: VaultSummary[], lang: Lang): string {
  if (vaults.length === 0) return t(lang, '还没有保险库。', 'No vaults yet.');
  return vaults
    .map((v) =>
      [
        v.id,
        v.clientName,
        v.creditCode ?? '-',
        v.stage,
        v.present ? v.path : `${v.path} (${t(lang, '找不到', 'missing')})`,
      ].join('\t'),
    )
    .join('\n');
}

/** The recovery key of a rekey goes to a file (never over one) instead of the terminal, when asked. */
export function withRecoveryKeyOut<T extends { recoveryKey: string }>(value: T, out: string | undefined): T {
  if (!out) return value;
  try {
    writeFileSync(out, value.recoveryKey + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    throw CliError.of('WRITE_FAILED', {
      path: out,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return { ...value, recoveryKey: `(written to ${out})` };
}

export function humanRekey(r: RekeyOutcome, lang: Lang): string {
  return [
    t(
      lang,
      `已更换密钥（第 ${r.generation} 代）；旧的恢复密钥单作废。`,
      `keys changed (generation ${r.generation}); the old recovery sheet is void.`,
    ),
    `${t(lang, '新恢复密钥（只显示这一次，请离线保存）', 'new recovery key (shown once; store it offline)')}:`,
    r.recoveryKey,
    ...(r.usersWithoutAccess.length
      ? [
          t(
            lang,
            `这些用户需要所有者重新设置口令：${r.usersWithoutAccess.join('、')}`,
            `these users need an owner to set a new passphrase: ${r.usersWithoutAccess.join(', ')}`,
          ),
        ]
      : []),
    t(
      lang,
      '旧备份仍只能用当时的密钥打开：请现在做一份新备份。',
      'Old backups open only with the keys of their time: make a fresh backup now.',
    ),
  ].join('\n');
}

function humanDetails(d: VaultDetails, lang: Lang): string {
  return [
    `${t(lang, '客户公司', 'client')}: ${d.clientName}${d.creditCode ? ` (${d.creditCode})` : ''}`,
    `${t(lang, '保险库', 'vault')}: ${d.vaultId}  ${d.path}`,
    `${t(lang, '阶段', 'stage')}: ${d.stage}   ${t(lang, '结构版本', 'schema')}: ${d.schemaVersion}`,
    `${t(lang, '用户', 'users')}: ${d.users}   ${t(lang, '审计条目', 'audit entries')}: ${d.audit.entries}`,
    `${t(lang, '审计链头', 'audit head')}: ${d.audit.head}`,
    d.identity
      ? `${t(lang, '公司证书', 'certificate')}: ${d.identity.subject}  SHA-256 ${d.identity.fingerprintSha256}`
      : '',
    d.recoveryKeyConfirmed
      ? ''
      : t(lang, '⚠ 尚未确认恢复密钥已妥善保管', '⚠ storing the recovery key has not been confirmed'),
  ]
    .filter(Boolean)
    .join('\n');
}

function writeFileExclusive(file: string, text: string): void {
  // 'wx': never overwrite an existing file with a secret; 0600: readable by the owner only.
  writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
}

export const vaultCommands: readonly CommandDef[] = [
  define({
    path: ['vault', 'list'],
    op: 'vault.list',
    description: 'every client vault in the registry / 列出登记的全部客户保险库',
    input: () => ({}),
    human: humanVaults,
  }),
  define({
    path: ['vault', 'create'],
    op: 'vault.create',
    args: ['<file>'],
    description: 'create an encrypted vault for a client company / 为客户公司创建加密保险库',
    configure: (c) =>
      c
        .requiredOption('--client <name>', 'client company name / 客户公司名称')
        .option('--credit-code <code>', 'unified social credit code / 统一社会信用代码')
        .option('--owner <name>', 'the owner user name / 所有者用户名', process.env.USER || 'owner')
        .option('--contact <text>', 'contact person / 联系人')
        .option('--reason <text>', 'reason for closure / 注销原因')
        .option(
          '--recovery-key-out <file>',
          'write the recovery key to this file (one line) instead of printing it',
        )
        .option('--passphrase-file <file>', 'the owner passphrase (or CLOSEOUT_PASSPHRASE)'),
    input: (args, o, env) => ({
      file: { path: args[0] },
      details: {
        clientName: String(o.client),
        creditCode: str(o.creditCode) ?? null,
        contact: str(o.contact) ?? null,
        closureReason: str(o.reason) ?? null,
      },
      owner: {
        name: String(o.owner),
        passphrase: readPassphrase({ passphraseFile: str(o.passphraseFile) }, env),
      },
    }),
    after: (value, o) => {
      const out = str(o.recoveryKeyOut);
      if (!out) return value;
      try {
        writeFileExclusive(out, value.recoveryKey + '\n');
      } catch (error) {
        throw CliError.of('WRITE_FAILED', {
          path: out,
          reason: (error as NodeJS.ErrnoException).code ?? String(error),
        });
      }
      return { ...value, recoveryKey: `(written to ${out})` };
    },
    human: (v, lang) =>
      [
        t(lang, `已创建保险库 ${v.session.path}`, `created vault ${v.session.path}`),
        `${t(lang, '恢复密钥（只显示这一次，请离线保存）', 'recovery key (shown once; store it offline)')}:`,
        v.recoveryKey,
      ].join('\n'),
  }),
  define({
    path: ['vault', 'info'],
    op: 'vault.info',
    vault: true,
    description: 'details of a vault (no customer values) / 保险库详情',
    input: () => ({}),
    human: humanDetails,
  }),
  define({
    path: ['vault', 'check'],
    op: 'vault.check',
    vault: true,
    description:
      'check every page, the structure and the audit chain; non-zero exit on any problem / 全面检查',
    input: () => ({}),
    human: (r: VaultCheckReport, lang) =>
      [
        `${t(lang, '页面检查', 'page check')}: ${r.pageCheck.join('; ')}`,
        `${t(lang, '结构检查', 'integrity check')}: ${r.integrityCheck.join('; ')}`,
        humanAudit(r.audit, lang),
        ...humanWarnings(r.audit, lang),
        ...r.anchors.map((p) => `  ✘ ${describeProblem(p, lang)}`),
        r.ok ? t(lang, '✔ 保险库完好', '✔ vault is sound') : t(lang, '✘ 发现问题', '✘ problems found'),
      ].join('\n'),
    exitCode: (r) => (r.ok ? 0 : 3),
  }),
  define({
    path: ['vault', 'recovery-key'],
    op: 'vault.writeRecoverySheet',
    vault: true,
    description: 'write the printable recovery sheet PDF and print its path / 生成恢复密钥单（PDF）',
    configure: (c) =>
      c
        .option('--out <file>', 'where to write the PDF', 'closeout-recovery-sheet.pdf')
        .option('--print-key-file <file>', 'the recovery key to print (it is not kept in the vault)'),
    input: (_args, o) => ({
      out: { path: String(o.out) },
      ...(str(o.printKeyFile) ? { recoveryKey: readFileSync(String(o.printKeyFile), 'utf8').trim() } : {}),
    }),
    human: (r) => r.path,
  }),
  define({
    path: ['vault', 'rotate-keys'],
    op: 'vault.rotateKeys',
    vault: true,
    description: 're-encrypt the vault under a new key; prints the new recovery key (shown once) / 更换密钥',
    configure: (c) =>
      c.option('--recovery-key-out <file>', 'write the new recovery key to this file instead of printing it'),
    input: () => ({}),
    after: (value, o) => withRecoveryKeyOut(value, str(o.recoveryKeyOut)),
    human: humanRekey,
  }),
  define({
    path: ['vault', 'confirm-recovery-key'],
    op: 'vault.confirmRecoveryKey',
    vault: true,
    description: 'record that the recovery key is stored safely / 确认恢复密钥已妥善保管',
    input: () => ({}),
    human: (_r, lang) => t(lang, '已记录', 'recorded'),
  }),
  define({
    path: ['vault', 'forget'],
    op: 'vault.forget',
    args: ['<vault-id>'],
    description: 'remove a vault from the registry (the file stays) / 从登记表移除（不删除文件）',
    input: (args) => ({ vaultId: args[0] }),
    human: (r, lang) =>
      r.forgotten ? t(lang, '已移除', 'forgotten') : t(lang, '登记表中没有', 'not in the registry'),
  }),
  define({
    path: ['vault', 'locate'],
    op: 'vault.locate',
    args: ['<vault-id>', '<file>'],
    description: 'tell the registry where a moved vault is now / 更新已移动保险库的位置',
    input: (args) => ({ vaultId: args[0], file: { path: args[1] } }),
    human: (v) => `${v.clientName}\t${v.path}`,
  }),
];

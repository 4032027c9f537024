// The CLI's commands. Hand-written ones give an operation friendly arguments; every other operation
// of the contract is still reachable as `closeout <namespace> <verb> [FILE] --input JSON`.
// A command with `vault: true` takes the vault FILE as its first argument: the CLI unlocks it (with
// --passphrase-file / CLOSEOUT_PASSPHRASE, or --recovery-key-file), runs the operation, and locks it.
import { readFileSync, writeFileSync } from 'node:fs';
import type {
  AppInfo,
  AuditEntryView,
  AuditReport,
  BackupCheck,
  BackupPruneItem,
  BackupPrunePlan,
  BackupRecord,
  BackupVerification,
  OpName,
  UserInfo,
  VaultCheckReport,
  VaultDetails,
  VaultSummary,
} from '../../shared/contract';
import type { Lang } from '../../shared/errors';
import type { ColumnMapping } from '../../shared/customer';
import type { ImportRunResult } from '../../shared/contract';
import { decodeRecoveryKey } from '../../shared/recovery-key';
import { CliError } from './cli-error';
import { readNewPassphrase, readPassphrase, readSecretFile } from './passphrase';
import { recordsCommand } from './records-command';
import { qualityCommands } from './quality-commands';
import { dedupeCommands } from './dedupe-commands';

export type { CommandDef } from './command-def';
import type { CommandDef } from './command-def';

const define = <K extends OpName>(def: CommandDef<K>): CommandDef => def as unknown as CommandDef;

const t = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

function humanInfo(info: AppInfo, lang: Lang): string {
  return [
    `${info.name} ${info.version}`,
    `${t(lang, '数据文件夹', 'data folder')}: ${info.dataDir}`,
    `node ${info.runtime.node} ${info.runtime.platform}-${info.runtime.arch}` +
      (info.runtime.electron ? ` electron ${info.runtime.electron}` : ''),
  ].join('\n');
}

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

function humanAudit(r: AuditReport, lang: Lang): string {
  if (r.ok)
    return t(
      lang,
      `审计链完好：${r.entries} 条，${r.checkpoints} 个签名检查点，链头 ${r.head}`,
      `audit chain intact: ${r.entries} entries, ${r.checkpoints} signed checkpoints, head ${r.head}`,
    );
  return t(
    lang,
    `审计链在第 ${r.firstProblem?.seq} 条处断裂（${r.firstProblem?.kind}）`,
    `audit chain broken at entry ${r.firstProblem?.seq} (${r.firstProblem?.kind})`,
  );
}

const humanUsers = (users: UserInfo[]) => users.map((u) => `${u.name}\t${u.role}\t${u.createdAt}`).join('\n');

const humanEntries = (entries: AuditEntryView[]) =>
  entries.map((e) => `${e.seq}\t${e.at}\t${e.userName ?? '-'}\t${e.op}\t${e.outcome}`).join('\n');

const integer = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number`);
  return n;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

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

function humanImport(r: ImportRunResult, lang: Lang): string {
  const lines: string[] = [];
  for (const i of r.inputs) {
    const where = [i.format, i.encoding, i.sheet].filter(Boolean).join(' ');
    lines.push(
      t(
        lang,
        `${i.file}（${where}）：读取 ${i.rowsRead} 行，导入 ${i.imported}，隔离 ${i.quarantined}`,
        `${i.file} (${where}): ${i.rowsRead} rows read, ${i.imported} imported, ${i.quarantined} quarantined`,
      ),
    );
    for (const q of i.quarantine)
      lines.push(
        `  ${q.sheet ? `${q.sheet}!` : ''}${t(lang, '第', 'row ')}${q.row}${t(lang, '行', '')}: ${q.kind} — ${q.reason}`,
      );
    if (i.quarantineOmitted > 0)
      lines.push(t(lang, `  ……另有 ${i.quarantineOmitted} 行`, `  … and ${i.quarantineOmitted} more`));
  }
  lines.push(
    t(
      lang,
      `合计：读取 ${r.totals.rowsRead}，导入 ${r.totals.imported}，隔离 ${r.totals.quarantined}`,
      `total: ${r.totals.rowsRead} read, ${r.totals.imported} imported, ${r.totals.quarantined} quarantined`,
    ),
  );
  return lines.join('\n');
}

/** A mapping file: the mapping object itself, or a template as `mappings list --json` prints it. */
function readMappingFile(file: string): ColumnMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw CliError.of('INVALID_INPUT', { detail: `--mapping ${file}: ${(error as Error).message}` }, 2);
  }
  const body = (parsed as { mapping?: unknown })?.mapping ?? parsed;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `--mapping ${file}: not a JSON object of header → field` },
      2,
    );
  // The engine validates each target against the contract's schema.
  return body as ColumnMapping;
}

export const commands: readonly CommandDef[] = [
  define(recordsCommand),
  ...qualityCommands,
  ...dedupeCommands,
  define({
    path: ['info'],
    op: 'app.info',
    description: 'version, runtime and data folder / 版本、运行环境与数据文件夹',
    input: () => ({}),
    human: humanInfo,
  }),
  define({
    path: ['app', 'info'],
    op: 'app.info',
    description: 'same as `closeout info`',
    input: () => ({}),
    human: humanInfo,
  }),
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
        r.ok ? t(lang, '✔ 保险库完好', '✔ vault is sound') : t(lang, '✘ 发现问题', '✘ problems found'),
      ].join('\n'),
    exitCode: (r) => (r.ok ? 0 : 3),
  }),
  define({
    path: ['vault', 'recovery-key'],
    op: 'vault.writeRecoverySheet',
    vault: true,
    description: 'write the printable recovery sheet PDF and print its path / 生成恢复密钥单（PDF）',
    configure: (c) => c.option('--out <file>', 'where to write the PDF', 'closeout-recovery-sheet.pdf'),
    input: (_args, o) => ({ out: { path: String(o.out) } }),
    human: (r) => r.path,
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
  define({
    path: ['vault', 'users', 'list'],
    op: 'users.list',
    vault: true,
    description: 'who can open the vault / 用户列表',
    input: () => ({}),
    human: humanUsers,
  }),
  define({
    path: ['vault', 'users', 'add'],
    op: 'users.add',
    vault: true,
    description:
      'add a user (their passphrase from --new-passphrase-file or CLOSEOUT_NEW_PASSPHRASE) / 添加用户',
    configure: (c) =>
      c
        .requiredOption('--name <name>', 'user name')
        .requiredOption('--role <role>', 'owner | operator | auditor')
        .option('--new-passphrase-file <file>', "the new user's passphrase"),
    input: (_a, o, env) => ({
      name: String(o.name),
      role: String(o.role) as 'owner',
      passphrase: readNewPassphrase({ newPassphraseFile: str(o.newPassphraseFile) }, env),
    }),
    human: (u) => `${u.name}\t${u.role}`,
  }),
  define({
    path: ['vault', 'users', 'remove'],
    op: 'users.remove',
    vault: true,
    description: 'remove a user and destroy their key slot / 移除用户',
    configure: (c) => c.requiredOption('--name <name>', 'user name'),
    input: (_a, o) => ({ name: String(o.name) }),
    human: (_r, lang) => t(lang, '已移除', 'removed'),
  }),
  define({
    path: ['vault', 'users', 'set-role'],
    op: 'users.setRole',
    vault: true,
    description: "change a user's role / 更改角色",
    configure: (c) =>
      c
        .requiredOption('--name <name>', 'user name')
        .requiredOption('--role <role>', 'owner | operator | auditor'),
    input: (_a, o) => ({ name: String(o.name), role: String(o.role) as 'owner' }),
    human: (u) => `${u.name}\t${u.role}`,
  }),
  define({
    path: ['vault', 'passphrase'],
    op: 'users.setPassphrase',
    vault: true,
    description:
      'change a passphrase (new one from --new-passphrase-file or CLOSEOUT_NEW_PASSPHRASE) / 更改口令',
    configure: (c) =>
      c
        .option('--name <name>', 'whose passphrase (default: the --user who unlocks)')
        .option('--new-passphrase-file <file>', 'the new passphrase'),
    input: (_a, o, env) => ({
      name: String(o.name ?? o.user ?? env.USER ?? ''),
      passphrase: readNewPassphrase({ newPassphraseFile: str(o.newPassphraseFile) }, env),
    }),
    human: (_r, lang) => t(lang, '口令已更改', 'passphrase changed'),
  }),
  define({
    path: ['audit', 'verify'],
    op: 'audit.verify',
    vault: true,
    description: 'check every hash and signature of the audit chain; names the first bad entry / 校验审计链',
    input: () => ({}),
    human: humanAudit,
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
        .option('--limit <n>', 'how many', integer('--limit'), 200),
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
        .requiredOption('--keep-last <n>', 'keep the newest N copies', integer('--keep-last'))
        .option(
          '--keep-daily <d>',
          'also the newest copy of each of the last D days',
          integer('--keep-daily'),
          0,
        )
        .option(
          '--keep-monthly <m>',
          'also the newest copy of each of the last M months',
          integer('--keep-monthly'),
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
  define({
    path: ['import'],
    op: 'import.run',
    vault: true,
    args: ['<inputs...>'],
    description:
      'import customer files (CSV/TSV/TXT, XLSX, vCard, JSON, JSON Lines) in one transaction / 导入客户文件',
    configure: (c) =>
      c
        .option('--mapping <file>', 'column mapping JSON: {"header": "field" | "extra" | "skip", …}')
        .option('--sheet <name>', 'XLSX: the worksheet (default: the first visible one)')
        .option('--encoding <name>', 'text files: the encoding (default: detected)')
        .option('--delimiter <char>', 'CSV: the delimiter (default: detected)')
        .option('--allow-same-source', 'import a file even if the same file (SHA-256) was imported before')
        .option('--save-mapping <name>', 'save the mapping of the first file as a template'),
    input: (args, o) => {
      const mapping = str(o.mapping) ? readMappingFile(String(o.mapping)) : undefined;
      return {
        inputs: args.map((file) => ({
          file: { path: file },
          sheet: str(o.sheet),
          encoding: str(o.encoding),
          delimiter: str(o.delimiter),
          mapping,
        })),
        allowSameSource: o.allowSameSource === true,
        saveMappingAs: str(o.saveMapping),
      };
    },
    human: humanImport,
  }),
];

/** `closeout recovery-key decode`: the raw key as hex, for opening a vault with any SQLCipher 4 client. */
export async function decodeRecoveryKeyCommand(file: string | undefined): Promise<string> {
  const text = file ? readFileSync(file, 'utf8') : await readKeyFromStdin();
  try {
    return Buffer.from(decodeRecoveryKey(text.trim())).toString('hex');
  } catch {
    throw CliError.of('RECOVERY_KEY_MALFORMED', { group: '?' });
  }
}

function writeFileExclusive(file: string, text: string): void {
  // 'wx': never overwrite an existing file with a secret; 0600: readable by the owner only.
  writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
}

/** One line from a person at a terminal (with a prompt), or everything piped in. */
async function readKeyFromStdin(): Promise<string> {
  if (!process.stdin.isTTY) return readFileSync(0, 'utf8');
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('恢复密钥 / recovery key: ');
  } finally {
    rl.close();
  }
}

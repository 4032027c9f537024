// The one catalogue of error codes. Every code has a zh-CN and an en message; the renderer's
// i18n resources and the CLI both read them from here, so there is no second list.
export type Lang = 'zh-CN' | 'en';

interface Entry {
  'zh-CN': string;
  en: string;
}

export const ERRORS = {
  INVALID_INPUT: { 'zh-CN': '输入无效：{{detail}}', en: 'Invalid input: {{detail}}' },
  UNKNOWN_OPERATION: { 'zh-CN': '未知操作：{{op}}', en: 'Unknown operation: {{op}}' },
  FORBIDDEN_SENDER: {
    'zh-CN': '请求来源不受信任，已拒绝',
    en: 'The request did not come from a trusted window and was refused',
  },
  NOT_ALLOWED: {
    'zh-CN': '当前角色（{{role}}）无权执行此操作',
    en: 'Your role ({{role}}) may not do this',
  },
  VAULT_LOCKED: {
    'zh-CN': '保险库未解锁，请先解锁',
    en: 'The vault is locked; unlock it first',
  },
  CANCELLED: { 'zh-CN': '操作已取消，未做任何更改', en: 'Cancelled; nothing was changed' },
  JOB_ID_IN_USE: {
    'zh-CN': '任务编号 {{job}} 已被使用',
    en: 'Job id {{job}} is already in use',
  },
  DATA_DIR_UNUSABLE: {
    'zh-CN': '无法使用数据文件夹 {{path}}：{{reason}}',
    en: 'Cannot use the data folder {{path}}: {{reason}}',
  },
  REGISTRY_CORRUPT: {
    'zh-CN': '保险库登记表 {{path}} 已损坏：{{reason}}',
    en: 'The vault registry {{path}} is damaged: {{reason}}',
  },
  PASSPHRASE_ON_COMMAND_LINE: {
    'zh-CN': '口令不能写在命令行上；请用 --passphrase-file 文件 或 CLOSEOUT_PASSPHRASE 环境变量',
    en: 'Passphrases are never taken from the command line; use --passphrase-file FILE or CLOSEOUT_PASSPHRASE',
  },
  PASSPHRASE_MISSING: {
    'zh-CN': '需要口令：请用 --passphrase-file 文件 或 CLOSEOUT_PASSPHRASE 环境变量提供',
    en: 'A passphrase is needed: give --passphrase-file FILE or set CLOSEOUT_PASSPHRASE',
  },
  FILE_UNREADABLE: {
    'zh-CN': '无法读取文件 {{path}}：{{reason}}',
    en: 'Cannot read the file {{path}}: {{reason}}',
  },
  ENGINE_UNAVAILABLE: {
    'zh-CN': '处理引擎已停止，请重新启动 Closeout',
    en: 'The engine has stopped; restart Closeout',
  },
  FILE_HANDLE_UNKNOWN: {
    'zh-CN': '文件选择已失效，请重新选择文件',
    en: 'That file choice has expired; choose the file again',
  },
  SHELL_ONLY: {
    'zh-CN': '此操作只能在桌面应用中进行',
    en: 'Only the desktop app can do this',
  },
  PATH_NOT_ALLOWED: {
    'zh-CN': '界面不能直接传递文件路径，请通过文件对话框选择',
    en: 'The window may not pass file paths; choose the file in the dialog',
  },
  VAULT_EXISTS: {
    'zh-CN': '{{path}} 已存在，不会覆盖；请换一个文件名',
    en: '{{path}} already exists and will not be overwritten; choose another name',
  },
  VAULT_NOT_FOUND: {
    'zh-CN': '找不到保险库文件 {{path}}',
    en: 'The vault file {{path}} was not found',
  },
  VAULT_NOT_REGISTERED: {
    'zh-CN': '登记表中没有保险库 {{vaultId}}',
    en: 'No vault {{vaultId}} in the registry',
  },
  NOT_A_VAULT: {
    'zh-CN': '{{path}} 不是 Closeout 保险库（{{reason}}）',
    en: '{{path}} is not a Closeout vault ({{reason}})',
  },
  VAULT_DAMAGED: {
    'zh-CN': '保险库文件 {{path}} 已损坏或被截断（{{reason}}）；文件未被改动，请从备份恢复',
    en: 'The vault file {{path}} is damaged or truncated ({{reason}}); it was not changed — restore it from a backup',
  },
  VAULT_TOO_NEW: {
    'zh-CN':
      '此保险库由更新版本的 Closeout 创建（结构版本 {{found}}，本程序支持到 {{supported}}），请升级 Closeout',
    en: 'This vault was made by a newer Closeout (schema {{found}}; this version knows up to {{supported}}); upgrade Closeout',
  },
  KEYRING_MISSING: {
    'zh-CN': '找不到密钥环文件 {{path}}；可以用恢复密钥打开保险库',
    en: 'The keyring {{path}} is missing; the vault can still be opened with its recovery key',
  },
  KEYRING_CORRUPT: {
    'zh-CN': '密钥环文件 {{path}} 已损坏：{{reason}}；可以用恢复密钥打开保险库',
    en: 'The keyring {{path}} is damaged: {{reason}}; the vault can still be opened with its recovery key',
  },
  KEYRING_MISMATCH: {
    'zh-CN': '密钥环 {{path}} 属于另一个保险库',
    en: 'The keyring {{path}} belongs to another vault',
  },
  WRONG_PASSPHRASE: {
    'zh-CN': '用户名或口令不正确；保险库未被改动',
    en: 'Wrong user name or passphrase; the vault was not changed',
  },
  WRONG_RECOVERY_KEY: {
    'zh-CN': '恢复密钥与此保险库不匹配；保险库未被改动',
    en: 'That recovery key does not belong to this vault; the vault was not changed',
  },
  RECOVERY_KEY_MALFORMED: {
    'zh-CN': '恢复密钥输入有误（第 {{group}} 组）；应为 13 组、每组 5 个字符',
    en: 'The recovery key is mistyped (group {{group}}); it has 13 groups of 5 characters',
  },
  UNLOCK_THROTTLED: {
    'zh-CN': '尝试次数过多，请 {{seconds}} 秒后再试',
    en: 'Too many attempts; try again in {{seconds}} s',
  },
  PASSPHRASE_TOO_WEAK: {
    'zh-CN': '口令太弱：{{reason}}',
    en: 'The passphrase is too weak: {{reason}}',
  },
  CREDIT_CODE_INVALID: {
    'zh-CN': '统一社会信用代码 {{code}} 无效（{{problem}}）',
    en: 'The unified social credit code {{code}} is not valid ({{problem}})',
  },
  USER_EXISTS: { 'zh-CN': '已有名为 {{name}} 的用户', en: 'There is already a user named {{name}}' },
  USER_NOT_FOUND: { 'zh-CN': '没有用户 {{name}}', en: 'No user {{name}}' },
  LAST_OWNER: {
    'zh-CN': '不能移除或降级最后一位所有者',
    en: 'The last owner cannot be removed or demoted',
  },
  PKCS12_INVALID: {
    'zh-CN': '无法读取 PKCS#12 文件：{{reason}}',
    en: 'Cannot read the PKCS#12 file: {{reason}}',
  },
  IDENTITY_MISSING: {
    'zh-CN': '此保险库还没有公司证书',
    en: 'This vault has no company certificate yet',
  },
  AUDIT_BROKEN: {
    'zh-CN': '审计链在第 {{seq}} 条处断裂（{{kind}}）',
    en: 'The audit chain breaks at entry {{seq}} ({{kind}})',
  },
  WRITE_FAILED: {
    'zh-CN': '无法写入 {{path}}：{{reason}}；未做任何更改',
    en: 'Cannot write {{path}}: {{reason}}; nothing was changed',
  },
  INPUT_NOT_SUPPORTED: {
    'zh-CN':
      '{{path}} 不是可导入的客户文件（{{reason}}）；可导入 CSV、TSV、TXT、XLSX、vCard、JSON 或 JSON Lines',
    en: '{{path}} is not a customer file Closeout can import ({{reason}}); it reads CSV, TSV, TXT, XLSX, vCard, JSON and JSON Lines',
  },
  INPUT_UNREADABLE: {
    'zh-CN': '无法读取导入文件 {{path}}：{{reason}}',
    en: 'Cannot read the import file {{path}}: {{reason}}',
  },
  INPUT_TOO_LARGE: {
    'zh-CN': '导入文件 {{path}} 超出上限（{{limit}}）：{{reason}}；已停止读取，未做任何更改',
    en: 'The import file {{path}} is over a limit ({{limit}}): {{reason}}; reading stopped and nothing was changed',
  },
  INPUT_SHEET_NOT_FOUND: {
    'zh-CN': '{{path}} 中没有名为「{{sheet}}」的工作表',
    en: '{{path}} has no worksheet named "{{sheet}}"',
  },
  BACKUP_DEST_UNUSABLE: {
    'zh-CN': '不能备份到 {{path}}：{{reason}}；未写入任何文件',
    en: 'Cannot back up to {{path}}: {{reason}}; nothing was written',
  },
  BACKUP_DEST_INSIDE_VAULT: {
    'zh-CN': '{{path}} 在保险库所在的文件夹内；备份应放在另一块磁盘或另一个文件夹，未写入任何文件',
    en: "{{path}} is inside the vault's own folder; put backups on another disk or folder. Nothing was written",
  },
  BACKUP_NO_SPACE: {
    'zh-CN': '{{path}} 空间不足：需要 {{needed}}，只有 {{available}}；未写入任何文件',
    en: 'Not enough space at {{path}}: {{needed}} needed, {{available}} free; nothing was written',
  },
  BACKUP_NOT_FOUND: {
    'zh-CN': '找不到备份文件 {{path}}',
    en: 'The backup file {{path}} was not found',
  },
  NOT_A_BACKUP: {
    'zh-CN': '{{path}} 不是 Closeout 备份（{{reason}}）',
    en: '{{path}} is not a Closeout backup ({{reason}})',
  },
  BACKUP_KEY_NEEDED: {
    'zh-CN': '检查或恢复备份 {{path}} 需要它的保险库密钥：请先解锁该保险库，或提供恢复密钥',
    en: 'Checking or restoring the backup {{path}} needs its vault key: unlock that vault first, or give the recovery key',
  },
  BACKUP_FOREIGN: {
    'zh-CN': '备份 {{path}} 属于另一个保险库（{{vaultId}}）',
    en: 'The backup {{path}} belongs to another vault ({{vaultId}})',
  },
  BACKUP_INVALID: {
    'zh-CN': '备份 {{path}} 未通过检查（{{check}}）；未做任何更改',
    en: 'The backup {{path}} failed its check ({{check}}); nothing was changed',
  },
  BACKUP_UNKNOWN: {
    'zh-CN': '本保险库的备份列表中没有备份 {{backupId}}（或已按保留规则删除）',
    en: "No backup {{backupId}} in this vault's list of backups (or retention deleted it)",
  },
  FILE_EXISTS: {
    'zh-CN': '{{path}} 已存在；Closeout 不会覆盖它，未做任何更改',
    en: '{{path}} already exists; Closeout does not write over it. Nothing was changed',
  },
  IMPORT_SAME_SOURCE: {
    'zh-CN':
      '{{file}} 已于 {{at}} 导入过（SHA-256 相同）；如确需再次导入，请选择“仍然导入”（--allow-same-source）。未做任何更改',
    en: '{{file}} was already imported on {{at}} (same SHA-256); to import it again anyway, allow it (--allow-same-source). Nothing was changed',
  },
  IMPORT_MAPPING_INVALID: {
    'zh-CN': '{{file}} 的列对应关系无效：{{reason}}；未做任何更改',
    en: 'The column mapping for {{file}} is not valid: {{reason}}; nothing was changed',
  },
  IMPORT_SOURCE_UNKNOWN: {
    'zh-CN': '{{path}} 与本保险库导入过的任何文件都不一致（SHA-256 不同），未删除',
    en: '{{path}} does not match any file imported into this vault (different SHA-256); it was not deleted',
  },
  MAPPING_NOT_FOUND: {
    'zh-CN': '没有名为「{{name}}」的列对应模板',
    en: 'There is no mapping template named "{{name}}"',
  },
  RECORD_NOT_FOUND: {
    'zh-CN': '没有编号为 {{id}} 的客户记录',
    en: 'There is no customer record {{id}}',
  },
  DEDUPE_CLUSTER_NOT_FOUND: {
    'zh-CN': '没有编号为 {{cluster}} 的重复组（可能已在重新查重时被替换）',
    en: 'No duplicate cluster {{cluster}} (a new duplicate search may have replaced it)',
  },
  DEDUPE_CLUSTER_STATUS: {
    'zh-CN': '重复组 {{cluster}} 当前状态（{{status}}）不允许此操作；未做任何更改',
    en: 'Duplicate cluster {{cluster}} is {{status}}, which does not allow this; nothing was changed',
  },
  DEDUPE_NOT_A_MEMBER: {
    'zh-CN': '记录 {{record}} 不在重复组 {{cluster}} 中；未做任何更改',
    en: 'Record {{record}} is not in duplicate cluster {{cluster}}; nothing was changed',
  },
  DEDUPE_MERGE_NOT_FOUND: {
    'zh-CN': '没有编号为 {{merge}} 的合并',
    en: 'No merge {{merge}}',
  },
  DEDUPE_MERGE_UNDONE: {
    'zh-CN': '合并 {{merge}} 已经撤销过；未做任何更改',
    en: 'Merge {{merge}} has already been undone; nothing was changed',
  },
  DEDUPE_MERGE_SUPERSEDED: {
    'zh-CN': '合并 {{merge}} 之后这些记录又有了改动（{{reason}}），请先撤销之后的操作；未做任何更改',
    en: 'The records of merge {{merge}} have changed since ({{reason}}); undo the later change first. Nothing was changed',
  },
  INTERNAL: {
    'zh-CN': '内部错误（已记录编号 {{ref}}），未做任何更改',
    en: 'Internal error (reference {{ref}}); nothing was changed',
  },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** Fills `{{name}}` placeholders from details; unknown placeholders are left visible, never dropped. */
export function formatError(code: ErrorCode, lang: Lang, details: Record<string, unknown> = {}): string {
  return ERRORS[code][lang].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in details ? String(details[name]) : whole,
  );
}

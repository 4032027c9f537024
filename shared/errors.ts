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

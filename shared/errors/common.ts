// Error codes of the call itself and files: what any operation may answer, in both languages.
import type { ErrorEntry } from './entry';

export const commonErrors = {
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
  UNLOCK_OR_RECOVERY_KEY: {
    'zh-CN': '此操作需要先解锁保险库，或提供该保险库的恢复密钥',
    en: "This needs the vault unlocked first, or the vault's recovery key",
  },
  CANCELLED: { 'zh-CN': '操作已取消，未做任何更改', en: 'Cancelled; nothing was changed' },
  JOB_ID_IN_USE: {
    'zh-CN': '任务编号 {{job}} 已被使用',
    en: 'Job id {{job}} is already in use',
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
  FILE_UNREADABLE: {
    'zh-CN': '无法读取文件 {{path}}：{{reason}}',
    en: 'Cannot read the file {{path}}: {{reason}}',
  },
  WRITE_FAILED: {
    'zh-CN': '无法写入 {{path}}：{{reason}}；未做任何更改',
    en: 'Cannot write {{path}}: {{reason}}; nothing was changed',
  },
  FILE_EXISTS: {
    'zh-CN': '{{path}} 已存在；Closeout 不会覆盖它，未做任何更改',
    en: '{{path}} already exists; Closeout does not write over it. Nothing was changed',
  },
  FILE_MANAGED: {
    'zh-CN':
      '拒绝写入 {{path}}：这是 Closeout 管理的文件（保险库、密钥环、备份或保险库登记表），未做任何更改',
    en: 'Refused to write {{path}}: Closeout manages that file (a vault, its keyring, a backup or the vault registry). Nothing was changed',
  },
  FILE_IS_SYMLINK: {
    'zh-CN': '拒绝写入 {{path}}：它是一个符号链接，Closeout 不会透过链接写入文件，未做任何更改',
    en: 'Refused to write {{path}}: it is a symbolic link, and Closeout never writes through one. Nothing was changed',
  },
  FILE_CHANGED: {
    'zh-CN': '{{path}} 在处理过程中被替换或移动（已不是刚才检查的那个文件），未删除任何文件',
    en: '{{path}} was replaced or moved while Closeout worked on it (it is no longer the file it checked); nothing was deleted',
  },
  INTERNAL: {
    'zh-CN': '内部错误（已记录编号 {{ref}}），未做任何更改',
    en: 'Internal error (reference {{ref}}); nothing was changed',
  },
} as const satisfies Record<string, ErrorEntry>;

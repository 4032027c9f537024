// Error codes of wipe.* and certificate.*, in both languages.
import type { ErrorEntry } from './entry';

export const wipeErrors = {
  WIPE_CONFIRMATION_MISMATCH: {
    'zh-CN': '要擦除整个保险库，请准确输入客户名称“{{expected}}”以确认；未做任何更改',
    en: 'To wipe the whole vault, type the client\'s name exactly ("{{expected}}") to confirm; nothing was changed',
  },
  WIPE_CERTIFICATE_DIR_NEEDED: {
    'zh-CN': '请选择销毁证明的保存文件夹（与被销毁的数据分开存放）；未做任何更改',
    en: 'Choose a folder for the certificate of sanitisation (kept apart from the data destroyed); nothing was changed',
  },
  WIPE_RETAINED_RECORDS: {
    'zh-CN':
      '有 {{count}} 条记录处于法定保留期（最晚至 {{until}}）；请先导出并确认已在保险库之外保存，再擦除整个保险库；未做任何更改',
    en: '{{count}} records are under a legal hold (until {{until}} at the latest); export them and confirm they are kept outside the vault before wiping it; nothing was changed',
  },
  WIPE_SOURCE_UNKNOWN: {
    'zh-CN': '{{path}} 不是本保险库导入过的文件（其 SHA-256 与任何已记录的来源都不符）；未做任何更改',
    en: '{{path}} is not a file this vault imported (its SHA-256 matches no recorded source); nothing was changed',
  },
  WIPE_NOTHING_TO_DO: {
    'zh-CN': '没有需要销毁的内容：没有记录符合条件，也没有选择任何文件；未做任何更改',
    en: 'Nothing to wipe: no record matches and no file was chosen; nothing was changed',
  },
  WIPE_IN_PROGRESS: {
    'zh-CN': '本保险库有一次未完成的{{kind}}擦除（{{wipeId}}）；请先再次运行它以完成；未做任何更改',
    en: 'An interrupted {{kind}} wipe of this vault ({{wipeId}}) must finish first: run it again; nothing was changed',
  },
  WIPE_JOURNAL_DAMAGED: {
    'zh-CN': '擦除日志 {{path}} 无法读取（{{reason}}）；未做任何更改',
    en: 'The wipe journal {{path}} cannot be read ({{reason}}); nothing was changed',
  },
  WIPE_VERIFICATION_FAILED: {
    'zh-CN': '清除已完成，但核验未通过（{{check}}：{{detail}}）；未出具销毁证明，请勿据此认定已销毁',
    en: 'The purge ran, but its verification failed ({{check}}: {{detail}}); no certificate was issued',
  },
  WIPE_NEEDS_VAULT: {
    'zh-CN': '未完成的擦除 {{wipeId}} 还需要解锁保险库才能继续：请解锁后再次运行',
    en: 'The interrupted wipe {{wipeId}} needs the vault unlocked to continue: unlock it and run the wipe again',
  },
} as const satisfies Record<string, ErrorEntry>;

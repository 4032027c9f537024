// Error codes of backup.*, in both languages.
import type { ErrorEntry } from './entry';

export const backupErrors = {
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
  BACKUP_OLD_KEY: {
    'zh-CN':
      '备份 {{path}} 是在更换密钥之前（第 {{generation}} 代密钥）做的：请用当时的恢复密钥打开它，或现在做一份新备份',
    en: 'The backup {{path}} was made before the keys were changed (key generation {{generation}}): open it with the recovery key of that time, or make a fresh backup now',
  },
  BACKUP_FOREIGN: {
    'zh-CN': '备份 {{path}} 属于另一个保险库（{{vaultId}}）',
    en: 'The backup {{path}} belongs to another vault ({{vaultId}})',
  },
  BACKUP_INVALID: {
    'zh-CN': '备份 {{path}} 未通过检查（{{check}}）；未做任何更改',
    en: 'The backup {{path}} failed its check ({{check}}); nothing was changed',
  },
  BACKUP_VAULT_BUSY: {
    'zh-CN': '保险库在 {{seconds}} 秒内一直被其他程序读写，无法取得一致的快照；未写入任何文件，请稍后重试',
    en: 'Another program kept the vault busy for {{seconds}} s, so no consistent snapshot could be taken; nothing was written. Try again shortly',
  },
  BACKUP_UNKNOWN: {
    'zh-CN': '本保险库的备份列表中没有备份 {{backupId}}（或已按保留规则删除）',
    en: "No backup {{backupId}} in this vault's list of backups (or retention deleted it)",
  },
} as const satisfies Record<string, ErrorEntry>;

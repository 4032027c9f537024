// Error codes of the incident register, the emergency plan and the drills (incidents.*), in both languages.
import type { ErrorEntry } from './entry';

export const incidentsErrors = {
  INCIDENT_NOT_FOUND: {
    'zh-CN': '事件登记册中没有 {{id}}',
    en: 'There is no incident {{id}} in the register',
  },
  INCIDENT_CLOSED: {
    'zh-CN': '事件 {{ref}} 已关闭，不能再更改；未做任何更改',
    en: 'The incident {{ref}} is closed and can no longer be changed; nothing was changed',
  },
  INCIDENT_REGIME: {
    'zh-CN': '事件 {{ref}} 不适用 {{regime}} 的{{audience}}通知（适用：{{regimes}}）；未做任何更改',
    en: 'The incident {{ref}} has no {{regime}} notice to {{audience}} (its laws: {{regimes}}); nothing was changed',
  },
  INCIDENT_FUTURE: {
    'zh-CN': '{{field}} 不能晚于现在；未做任何更改',
    en: '{{field}} cannot be in the future; nothing was changed',
  },
  INCIDENT_SOURCE_NOT_FOUND: {
    'zh-CN': '保险库中没有{{what}} {{id}}；未做任何更改',
    en: 'There is no {{what}} {{id}} in the vault; nothing was changed',
  },
  INCIDENT_MANIFEST_MISMATCH: {
    'zh-CN': '文件 {{path}} 不是备份 {{backupId}} 的清单（SHA-256 不符或无法读取）；未做任何更改',
    en: 'The file {{path}} is not the manifest of backup {{backupId}} (its SHA-256 differs or it cannot be read); nothing was changed',
  },
  INCIDENT_NOTICE_EMPTY: {
    'zh-CN': '请指定写入草稿的文件夹、发送时间或延迟原因；未做任何更改',
    en: 'Give a folder to write the draft to, the time the notice was sent, or the reasons for its delay; nothing was changed',
  },
  INCIDENT_NOTICE_NOT_SENT: {
    'zh-CN': '事件 {{ref}} 的这项通知尚未记录为已发出：延迟原因须随发送时间一同记录；未做任何更改',
    en: 'The notice of incident {{ref}} is not recorded as sent yet: record the reasons for its delay with the time it was sent; nothing was changed',
  },
} as const satisfies Record<string, ErrorEntry>;

// Error codes of duplicates.* (the codes keep the DEDUPE_ prefix scripts already match on), in both languages.
import type { ErrorEntry } from './entry';

export const duplicatesErrors = {
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
} as const satisfies Record<string, ErrorEntry>;

// Error codes of records.*, in both languages.
import type { ErrorEntry } from './entry';

export const recordsErrors = {
  RECORD_NOT_FOUND: {
    'zh-CN': '没有编号为 {{id}} 的客户记录',
    en: 'There is no customer record {{id}}',
  },
} as const satisfies Record<string, ErrorEntry>;

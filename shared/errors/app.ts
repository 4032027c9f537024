// Error codes of this installation, in both languages.
import type { ErrorEntry } from './entry';

export const appErrors = {
  DATA_DIR_UNUSABLE: {
    'zh-CN': '无法使用数据文件夹 {{path}}：{{reason}}',
    en: 'Cannot use the data folder {{path}}: {{reason}}',
  },
} as const satisfies Record<string, ErrorEntry>;

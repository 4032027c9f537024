// Error codes of anonymised analytics (analytics.*), in both languages.
import type { ErrorEntry } from './entry';

export const analyticsErrors = {
  ANALYTICS_TOO_MANY_CELLS: {
    'zh-CN':
      '所选维度组合出 {{cells}} 个单元格，超过上限 {{max}}：请减少维度或改用更粗的期间；未写入任何文件',
    en: 'The chosen dimensions make {{cells}} cells, more than {{max}}: choose fewer dimensions or a coarser period; nothing was written',
  },
  ANALYTICS_K_UNREACHABLE: {
    'zh-CN':
      '所选字段即使完全泛化也无法使每个组合至少包含 {{k}} 条记录（共 {{records}} 条）：摘录被拒绝，未写入任何文件',
    en: 'Even fully generalised, the chosen fields cannot give every combination {{k}} records or more ({{records}} records in all): the extract is refused and nothing was written',
  },
} as const satisfies Record<string, ErrorEntry>;

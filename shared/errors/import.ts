// Error codes of import.*: the files read and the mappings saved, in both languages.
import type { ErrorEntry } from './entry';

export const importErrors = {
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
  INPUT_MIXED_ENCODING: {
    'zh-CN':
      '{{path}} 混用了两种文字编码：第 {{line}} 行之前是 {{encoding}}，第 {{line}} 行起不是（像是 {{other}}）；请在 Excel 或 WPS 中把整个文件另存为同一种编码（如 UTF-8）后再导入。未做任何更改',
    en: '{{path}} mixes two text encodings: the lines before line {{line}} are {{encoding}}, line {{line}} is not (it looks like {{other}}); save the whole file in one encoding (such as UTF-8) in Excel or WPS and import it again. Nothing was changed',
  },
  INPUT_SHEET_NOT_FOUND: {
    'zh-CN': '{{path}} 中没有名为「{{sheet}}」的工作表',
    en: '{{path}} has no worksheet named "{{sheet}}"',
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
} as const satisfies Record<string, ErrorEntry>;

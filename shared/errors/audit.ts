// Error codes of audit.*, in both languages.
import type { ErrorEntry } from './entry';

export const auditErrors = {
  AUDIT_BROKEN: {
    'zh-CN': '审计链在第 {{seq}} 条处断裂（{{kind}}）',
    en: 'The audit chain breaks at entry {{seq}} ({{kind}})',
  },
} as const satisfies Record<string, ErrorEntry>;

// Error codes of users.*, in both languages.
import type { ErrorEntry } from './entry';

export const usersErrors = {
  USER_EXISTS: { 'zh-CN': '已有名为 {{name}} 的用户', en: 'There is already a user named {{name}}' },
  USER_NOT_FOUND: { 'zh-CN': '没有用户 {{name}}', en: 'No user {{name}}' },
  LAST_OWNER: {
    'zh-CN': '不能移除或降级最后一位所有者',
    en: 'The last owner cannot be removed or demoted',
  },
  NOTHING_TO_CERTIFY: {
    'zh-CN': '{{name}} 没有等待认证的密钥',
    en: '{{name}} has no key awaiting certification',
  },
  KEY_FINGERPRINT_MISMATCH: {
    'zh-CN': '指纹不符：{{name}} 等待认证的密钥指纹是 {{fingerprint}}；请与本人核对后再认证',
    en: "The fingerprint does not match: {{name}}'s key awaiting certification is {{fingerprint}}; compare it with them first",
  },
} as const satisfies Record<string, ErrorEntry>;

// Error codes of users.*, in both languages.
import type { ErrorEntry } from './entry';

export const usersErrors = {
  USER_EXISTS: { 'zh-CN': '已有名为 {{name}} 的用户', en: 'There is already a user named {{name}}' },
  USER_NOT_FOUND: { 'zh-CN': '没有用户 {{name}}', en: 'No user {{name}}' },
  LAST_OWNER: {
    'zh-CN': '不能移除或降级最后一位所有者',
    en: 'The last owner cannot be removed or demoted',
  },
} as const satisfies Record<string, ErrorEntry>;

// The CLI speaks Chinese when the user's locale is Chinese (or CLOSEOUT_LANG=zh-CN), English otherwise.
import type { Lang } from '../../shared/errors';

export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const tag = env.CLOSEOUT_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(tag) ? 'zh-CN' : 'en';
}

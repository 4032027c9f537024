// Error codes of the `closeout` command, in both languages.
import type { ErrorEntry } from './entry';

export const cliErrors = {
  PASSPHRASE_ON_COMMAND_LINE: {
    'zh-CN': '口令不能写在命令行上；请用 --passphrase-file 文件 或 CLOSEOUT_PASSPHRASE 环境变量',
    en: 'Passphrases are never taken from the command line; use --passphrase-file FILE or CLOSEOUT_PASSPHRASE',
  },
  PASSPHRASE_MISSING: {
    'zh-CN': '需要口令：请用 --passphrase-file 文件 或 CLOSEOUT_PASSPHRASE 环境变量提供',
    en: 'A passphrase is needed: give --passphrase-file FILE or set CLOSEOUT_PASSPHRASE',
  },
} as const satisfies Record<string, ErrorEntry>;

// Error codes of the `closeout` command, in both languages.
import type { ErrorEntry } from './entry';

export const cliErrors = {
  PASSPHRASE_ON_COMMAND_LINE: {
    'zh-CN': '口令不能写在命令行上；请用 --passphrase-file 文件 或 CLOSEOUT_PASSPHRASE 环境变量',
    en: 'Passphrases are never taken from the command line; use --passphrase-file FILE or CLOSEOUT_PASSPHRASE',
  },
  SECRET_IN_INPUT: {
    'zh-CN':
      '--input 里不能有机密字段 {{field}}：命令行上的内容本机其他用户也能看到（ps），还会留在命令历史里。口令请用 --passphrase-file 文件（或 CLOSEOUT_PASSPHRASE），恢复密钥请用 --recovery-key-file 文件',
    en: '--input must not carry the secret field {{field}}: anything on the command line is visible to other users (ps) and stays in shell history. Give a passphrase with --passphrase-file FILE (or CLOSEOUT_PASSPHRASE) and the recovery key with --recovery-key-file FILE',
  },
  PASSPHRASE_MISSING: {
    'zh-CN': '需要口令：请用 --passphrase-file 文件 或 CLOSEOUT_PASSPHRASE 环境变量提供',
    en: 'A passphrase is needed: give --passphrase-file FILE or set CLOSEOUT_PASSPHRASE',
  },
} as const satisfies Record<string, ErrorEntry>;

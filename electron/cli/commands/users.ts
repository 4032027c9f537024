// `closeout vault users …` and `vault passphrase`: who can open a vault, their roles and passphrases.
import { ROLES, type Role, type UserInfo } from '../../../shared/contract';
import type { CommandDef } from '../command-def';
import { define, str, t } from '../helpers';
import { readNewPassphrase } from '../passphrase';

const humanUsers = (users: UserInfo[]) => users.map((u) => `${u.name}\t${u.role}\t${u.createdAt}`).join('\n');

export const usersCommands: readonly CommandDef[] = [
  define({
    path: ['vault', 'users', 'list'],
    op: 'users.list',
    vault: true,
    description: 'who can open the vault / 用户列表',
    input: () => ({}),
    human: humanUsers,
  }),
  define({
    path: ['vault', 'users', 'add'],
    op: 'users.add',
    vault: true,
    description:
      'add a user (their passphrase from --new-passphrase-file or CLOSEOUT_NEW_PASSPHRASE) / 添加用户',
    configure: (c) =>
      c
        .requiredOption('--name <name>', 'user name')
        .requiredOption('--role <role>', ROLES.join(' | '))
        .option('--new-passphrase-file <file>', "the new user's passphrase"),
    input: (_a, o, env) => ({
      name: String(o.name),
      role: String(o.role) as Role,
      passphrase: readNewPassphrase({ newPassphraseFile: str(o.newPassphraseFile) }, env),
    }),
    human: (u) => `${u.name}\t${u.role}`,
  }),
  define({
    path: ['vault', 'users', 'remove'],
    op: 'users.remove',
    vault: true,
    description: 'remove a user and destroy their key slot / 移除用户',
    configure: (c) => c.requiredOption('--name <name>', 'user name'),
    input: (_a, o) => ({ name: String(o.name) }),
    human: (_r, lang) => t(lang, '已移除', 'removed'),
  }),
  define({
    path: ['vault', 'users', 'set-role'],
    op: 'users.setRole',
    vault: true,
    description: "change a user's role / 更改角色",
    configure: (c) =>
      c.requiredOption('--name <name>', 'user name').requiredOption('--role <role>', ROLES.join(' | ')),
    input: (_a, o) => ({ name: String(o.name), role: String(o.role) as Role }),
    human: (u) => `${u.name}\t${u.role}`,
  }),
  define({
    path: ['vault', 'passphrase'],
    op: 'users.setPassphrase',
    vault: true,
    description:
      'change a passphrase (new one from --new-passphrase-file or CLOSEOUT_NEW_PASSPHRASE) / 更改口令',
    configure: (c) =>
      c
        .option('--name <name>', 'whose passphrase (default: the --user who unlocks)')
        .option('--new-passphrase-file <file>', 'the new passphrase'),
    input: (_a, o, env) => ({
      name: String(o.name ?? o.user ?? env.USER ?? ''),
      passphrase: readNewPassphrase({ newPassphraseFile: str(o.newPassphraseFile) }, env),
    }),
    human: (_r, lang) => t(lang, '口令已更改', 'passphrase changed'),
  }),
];

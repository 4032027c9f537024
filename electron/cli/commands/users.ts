// `closeout vault users …` and `vault passphrase`: who can open a vault, their roles and passphrases.
import { ROLES, type Role, type UserInfo } from '../../../shared/contract';
import type { CommandDef } from '../command-def';
import { define, str, t } from '../helpers';
import { readNewPassphrase } from '../passphrase';
import { humanRekey, withRecoveryKeyOut } from './vault';

const humanUsers = (users: UserInfo[]) =>
  users
    .map((u) =>
      [u.name, u.role, u.createdAt, u.certificate?.status ?? '-', u.certificate?.keyFingerprint ?? '-'].join(
        '\t',
      ),
    )
    .join('\n');

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
    description:
      'remove a user: the vault is re-encrypted under a new key (new recovery key) / 移除用户并更换密钥',
    configure: (c) =>
      c
        .requiredOption('--name <name>', 'user name')
        .option(
          '--recovery-key-out <file>',
          'write the new recovery key to this file instead of printing it',
        ),
    input: (_a, o) => ({ name: String(o.name) }),
    after: (value, o) => withRecoveryKeyOut(value, str(o.recoveryKeyOut)),
    human: (r, lang) => `${t(lang, '已移除', 'removed')}\n${humanRekey(r, lang)}`,
  }),
  define({
    path: ['vault', 'users', 'certify'],
    op: 'users.certify',
    vault: true,
    description:
      "certify a user's key awaiting certification, after comparing its fingerprint with them / 认证用户密钥",
    configure: (c) =>
      c
        .requiredOption('--name <name>', 'user name')
        .requiredOption('--fingerprint <AB:CD:…>', 'the key fingerprint the user reads you'),
    input: (_a, o) => ({ name: String(o.name), keyFingerprint: String(o.fingerprint).toUpperCase() }),
    human: (u) => `${u.name}\t${u.certificate?.status ?? '-'}\t${u.certificate?.fingerprint ?? '-'}`,
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

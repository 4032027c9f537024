// English text of users and roles: the same keys as zh-CN/users.ts (the type checks it).
import type { Messages } from '../messages';
import type { users as zh } from '../zh-CN/users';

export const users: Messages<typeof zh> = {
  roles: {
    owner: 'Owner',
    operator: 'Operator',
    auditor: 'Auditor',
  },
  roleHints: {
    owner: 'Everything, including managing users',
    operator: 'Import, classify, back up, hand over; no user management',
    auditor: 'Read-only: viewing, reports and audit checks',
  },
  users: {
    title: 'Users & roles',
    subtitle:
      'The people who can open this vault and their roles. Each has their own passphrase; the engine enforces the roles.',
    back: 'Back to Settings',
    columns: {
      name: 'Name',
      role: 'Role',
      createdAt: 'Added',
      passphrase: 'Passphrase',
      actions: 'Actions',
    },
    you: 'you',
    passphraseSet: 'Set',
    passphraseMissing: 'Not set',
    add: 'Add user',
    addTitle: 'Add a user',
    name: 'Name',
    nameRequired: 'Enter the name',
    role: 'Role',
    added: '{{name}} was added',
    changeRole: 'Change role',
    roleChanged: '{{name}} is now {{role}}',
    remove: 'Remove',
    removeTitle: 'Remove “{{name}}”?',
    removeBody:
      'Their key slot is destroyed and they can no longer open the vault; the audit log keeps their name.',
    removed: '{{name}} was removed',
    setPassphrase: 'Change passphrase',
    setPassphraseTitle: 'New passphrase for {{name}}',
    passphraseChanged: 'The passphrase of {{name}} was changed',
    readOnly: 'Only an owner can add or remove users or change roles; you can change your own passphrase.',
    failed: 'Not done',
  },
};

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
    certificate: {
      column: 'Certificate',
      pending: 'Awaiting certification',
      certified: 'Certified',
      revoked: 'Revoked',
      superseded: 'Superseded',
      retired: 'Retired',
      none: 'No key yet (made at their next unlock)',
      certify: 'Certify',
      certifyTitle: "Certify {{name}}'s key?",
      certifyBody:
        'Compare with {{name}} in person: the key fingerprint they see on their own Users & roles page must be exactly this one.',
      certified_done: "{{name}}'s key is certified",
    },
    rekey: {
      removeTitle: 'Remove “{{name}}” and change the keys',
      rotateTitle: "Change the vault's keys",
      rotate: 'Rotate keys',
      intro:
        'The vault is re-encrypted under a new key (you can cancel; until it finishes the vault stays as it was). The old recovery sheet becomes void: store the new recovery key.',
      start: 'Start',
      done: 'The keys are changed (generation {{generation}}). This is the new recovery key, shown only once.',
      backups:
        'Backups made before this open only with the recovery key (or keyring) of their time. Make a fresh backup now, then prune the old ones.',
      toBackup: 'Go to Backup',
      lostAccess: 'An owner must set a new passphrase for: {{names}}',
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
    removed: '{{name}} was removed',
    setPassphrase: 'Change passphrase',
    setPassphraseTitle: 'New passphrase for {{name}}',
    passphraseChanged: 'The passphrase of {{name}} was changed',
    readOnly: 'Only an owner can add or remove users or change roles; you can change your own passphrase.',
    failed: 'Not done',
  },
};

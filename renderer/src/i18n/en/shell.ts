// English text of the frame around every page: the app's name, the sidebar, the header, the open session: the same keys as zh-CN/shell.ts (the type checks it).
import type { Messages } from '../messages';
import type { shell as zh } from '../zh-CN/shell';

export const shell: Messages<typeof zh> = {
  app: {
    name: '客户信息善后',
    latinName: 'Closeout',
    tagline: 'Customer data after a company closes',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    records: 'Records',
    duplicates: 'Duplicates',
    import: 'Import',
    classification: 'Classification',
    dispositions: 'Dispositions',
    backup: 'Backup',
    handover: 'Handover',
    wipe: 'Wipe',
    compliance: 'Compliance',
    requests: 'Requests',
    incidents: 'Incidents',
    analytics: 'Analytics',
    audit: 'Audit',
    settings: 'Settings',
  },
  header: {
    language: 'Language',
    theme: 'Dark mode',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    back: 'Back',
    next: 'Next',
    notSet: 'Not set',
    optional: 'optional',
  },
  session: {
    label: 'Open vault',
    lock: 'Lock',
    lockHint: 'Lock the vault and clear its data from the screen',
    lockFailed: 'The vault could not be locked',
    viaRecoveryKey: 'Recovery key',
    recoveryBanner: {
      title: 'This vault was opened with the recovery key',
      body: 'Set new passphrases for the owners in Users & roles now, so the vault is opened with passphrases again; then put the recovery key back in its safe place.',
      action: 'Go to Users & roles',
    },
    lockNotice: {
      idle: 'The vault locked itself after {{minutes}} minutes without activity; its data was cleared from the screen.',
      system:
        'The vault was locked because the computer went to sleep or its screen locked; its data was cleared from the screen.',
      user: 'The vault is locked; its data was cleared from the screen.',
    },
    none: {
      title: 'No vault is open',
      hint: 'This page shows data from inside a vault. Open a vault from the Dashboard first.',
      action: 'Go to the Dashboard',
    },
  },
  error: {
    code: 'Error code',
  },
};

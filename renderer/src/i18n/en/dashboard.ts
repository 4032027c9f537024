// English text of the Dashboard: the same keys as zh-CN/dashboard.ts (the type checks it).
import type { Messages } from '../messages';
import type { dashboard as zh } from '../zh-CN/dashboard';

export const dashboard: Messages<typeof zh> = {
  dashboard: {
    title: 'Dashboard',
    subtitle: 'One encrypted vault per client company; every closure in progress is listed here.',
    empty: 'No client vaults yet',
    emptyHint: 'Create an encrypted vault for a client company, or open an existing vault file.',
    refresh: 'Refresh',
    newVault: 'New client vault',
    openFile: 'Open a vault file',
    columns: {
      client: 'Client',
      creditCode: 'Unified credit code',
      stage: 'Stage',
      lastOpenedAt: 'Last opened',
      lastBackupAt: 'Last backup',
      backupHealth: 'Backups',
      withoutDisposition: 'Dispositions',
      file: 'File',
      actions: 'Actions',
    },
    withoutDisposition: '{{n}} of {{total}} without a disposition',
    never: 'Never',
    present: 'Present',
    missing: 'File missing',
    missingHint: 'The file is no longer where it was (moved or deleted?): {{path}}',
    openNow: 'Open now',
    open: 'Open',
    view: 'View',
    more: 'More actions',
    forget: 'Forget',
    forgetTitle: 'Forget “{{client}}”?',
    forgetBody:
      'It is only removed from this computer’s list of vaults. The vault file is not deleted; you can open it again later with “Open a vault file”.',
    forgetOk: 'Forget',
    forgotten: '“{{client}}” was removed from the list',
    locate: 'Locate the file…',
    located: 'The new location of “{{client}}” was saved',
    actionFailed: 'Not done',
    health: {
      restorable: 'Last verified restorable: {{date}}',
      neverRestored: 'No restore drill yet',
      daysSinceVerified: 'Days since last verified backup: {{count}}',
      noVerified: 'No verified backup yet',
      failed: 'Last verification failed',
      failedHint:
        'On {{date}} a backup failed its verification or restore drill. Open the vault’s Backup page for details.',
    },
    stages: {
      setup: 'Setup',
      intake: 'Intake',
      review: 'Review',
      backup: 'Backup',
      handover: 'Handover',
      destruction: 'Destruction',
      certified: 'Certified',
    },
  },
};

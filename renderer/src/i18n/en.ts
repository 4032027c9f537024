// English UI text: the same keys as zh-CN.ts (the type checks it). Error messages live in shared/errors.ts.
import type { UiMessages } from './zh-CN';

export const en: UiMessages = {
  app: {
    name: '客户信息善后',
    latinName: 'Closeout',
    tagline: 'Customer data after a company closes',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    records: 'Records',
    intake: 'Import & classify',
    backup: 'Backup',
    handover: 'Handover',
    wipe: 'Wipe',
    compliance: 'Compliance',
    audit: 'Audit',
    settings: 'Settings',
  },
  header: {
    language: 'Language',
    theme: 'Dark mode',
  },
  placeholder: {
    title: 'Coming in a later version',
    records:
      'Search, view and correct every customer record in the open vault, with its source and disposition.',
    intake:
      'Import CSV, Excel, vCard and JSON files, clean and classify the customer records, find duplicates and give every record a disposition.',
    backup: 'Back up the vault to disk, verify the copy, rehearse a restore and print a recovery sheet.',
    handover:
      'Vet the recipient, record the agreement, notify customers and respect their objections, then build a signed and encrypted handover package.',
    wipe: 'Securely erase records, files and backups, log paper and cloud destruction, and issue a certificate of sanitisation.',
    compliance:
      'Evaluate the compliance checklists from evidence, prepare the PIPIA and the record of processing, and produce the compliance report.',
    audit: 'Browse and verify the tamper-evident audit chain of every action taken on the vault.',
  },
  dashboard: {
    title: 'Dashboard',
    subtitle: 'One encrypted vault per client company; every closure in progress is listed here.',
    empty: 'No client vaults yet',
    emptyHint: 'Creating a vault comes in a later version.',
    refresh: 'Refresh',
    columns: {
      client: 'Client',
      creditCode: 'Unified credit code',
      stage: 'Stage',
      lastOpenedAt: 'Last opened',
      lastBackupAt: 'Last backup',
      file: 'File',
    },
    never: 'Never',
    present: 'Present',
    missing: 'File missing',
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
  settings: {
    title: 'Settings',
    about: 'About this installation',
    version: 'Version',
    dataDir: 'Data folder',
    runtime: 'Runtime',
    engineMode: 'Engine mode',
    engineModes: {
      worker: 'Worker thread',
      'in-process': 'In process',
    },
    electron: 'Electron',
    noElectron: 'Not running in Electron',
    jobCheck: {
      title: 'Check the job runner',
      description:
        'Runs a harmless counting job to confirm that progress, cancelling and the outcome are reported correctly.',
      run: 'Run the check',
    },
  },
  job: {
    phases: {
      start: 'Starting',
      counting: 'Counting',
    },
    count: '{{done}} / {{total}}',
    countUnknown: '{{done}} done',
    rate: '{{rate}} items/s',
    eta: '{{eta}} left',
    etaUnknown: 'Time left unknown',
    seconds: '{{s}} s',
    minutes: '{{m}} min {{s}} s',
    hours: '{{h}} h {{m}} min',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    outcome: {
      succeeded: 'Succeeded',
      cancelled: 'Cancelled',
      failed: 'Failed',
    },
  },
  error: {
    code: 'Error code',
  },
};

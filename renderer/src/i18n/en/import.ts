// English text of the Import wizard: the same keys as zh-CN/import.ts (the type checks it).
import type { Messages } from '../messages';
import type { importWizard as zh } from '../zh-CN/import';

export const importWizard: Messages<typeof zh> = {
  importWizard: {
    subtitle:
      'CSV, TSV, Excel (XLSX), vCard and JSON files: checked, cleaned and imported into the vault in one step that commits whole or not at all.',
    steps: { files: 'Files', mapping: 'Columns and preview', import: 'Import', result: 'Result' },
    next: 'Next',
    back: 'Back',
    run: 'Import',
    files: {
      hint: 'Choose one or more files. Closeout reads them where they are and keeps no copy outside the encrypted vault.',
      add: 'Add a file…',
      drop: 'Or drop customer files here (CSV, TSV, XLSX, vCard, JSON)',
      none: 'No files chosen yet',
      remove: 'Remove',
      reading: 'Reading…',
    },
    sheet: 'Sheet {{name}}',
    sheets: {
      name: 'Sheet',
      rows: 'Rows',
      customers: 'Customers',
      noCustomers: 'No customers found',
      hidden: 'Hidden sheet',
    },
    headerRow: 'Header on row {{row}}',
    alreadyImported: 'Already imported',
    chooseSheet: 'Sheet',
    chooseEncoding: 'Encoding',
    sourceColumn: 'Column in the file',
    field: 'Closeout field',
    previewTitle: 'The first {{count}} rows as they will be stored',
    row: 'Row',
    status: 'Status',
    willImport: 'Import',
    targets: {
      extra: 'Keep as extra field',
      skip: 'Do not import',
    },
    problems: {
      invalid: 'Invalid ({{problem}}): kept as written and flagged',
      ambiguous: 'Ambiguous ({{problem}}): not stored as a date; kept as an extra field',
    },
    kinds: {
      'no-identifying-field':
        'Names no one (no name, organisation, phone, e-mail, WeChat ID, ID number or credit code)',
      'bad-json': 'Not valid JSON',
      'not-an-object': 'Not a JSON object',
      truncated: 'The file ends inside this element',
      'incomplete-card': 'vCard without END:VCARD',
      'unclosed-quote': 'A quote that is never closed',
      'too-long': 'Too long to be one record',
      'too-few-fields': 'Fewer fields than the header: the missing last fields are empty',
      'too-many-fields':
        'More fields than the header (a comma left unquoted?): set aside, not imported shifted',
      'unterminated-quote': 'The file ends inside a quoted field: the incomplete last record was set aside',
      total: 'A totals row (合计, Total, a SUM row): set aside, not a customer',
      subtotal: 'A subtotal row (小计, Subtotal): set aside, not a customer',
      footer: 'A note after the table (prepared by, exported at …): set aside, not a customer',
    },
    notes: {
      'rows-above-header': 'Rows above the header (a title) were skipped.',
      'extension-mismatch': 'The file name does not match its content; it was read by its content.',
      'empty-file': 'The file is empty.',
      'no-rows': 'No customer rows were found.',
    },
    templates: {
      apply: 'Apply a template',
      name: 'Template name',
      save: 'Save as template',
      saved: 'Saved as "{{name}}"',
    },
    sameSource: {
      title: 'Already imported: {{names}}. Importing the same file again duplicates its records.',
      allow: 'Import it again anyway',
    },
    result: {
      totals: '{{read}} rows read: {{imported}} imported, {{quarantined}} quarantined',
      file: 'File',
      detected: 'Detected',
      read: 'Rows read',
      imported: 'Imported',
      quarantined: 'Quarantined',
      export: 'Export quarantined rows…',
      exported: '{{rows}} quarantined rows written to {{name}}',
      quarantineTitle: 'Rows set aside (not imported): totals, notes below the table, unreadable rows',
      reason: 'Reason',
      delete: 'Delete the plaintext file',
      deleted: 'Plaintext file deleted',
      deleteTitle: 'Delete {{name}}?',
      deleteBody:
        'The records are now in the encrypted vault. Closeout overwrites the original file once and deletes it, and records that it did.',
      ssdCaveat:
        'On SSDs and on copy-on-write file systems (APFS, Btrfs, ZFS) the old blocks may survive an overwrite; for those disks, full-disk encryption or destroying the disk is what makes deletion certain.',
      again: 'Import more files',
    },
  },
};

// English text of the Audit page: the same keys as zh-CN/audit.ts (the type checks it).
import type { Messages } from '../messages';
import type { audit as zh } from '../zh-CN/audit';

export const audit: Messages<typeof zh> = {
  audit: {
    title: 'Audit',
    subtitle:
      'Every action on the vault is recorded in a tamper-evident hash chain, signed by the company certificate at intervals.',
    filters: {
      user: 'User',
      op: 'Operation',
      range: 'Time range',
      any: 'All',
      clear: 'Clear filters',
    },
    columns: {
      seq: '#',
      at: 'Time',
      user: 'User',
      op: 'Operation',
      outcome: 'Outcome',
      params: 'Details',
    },
    outcomes: {
      ok: 'OK',
      refused: 'Refused',
      failed: 'Failed',
    },
    empty: 'No entries match',
    shown: '{{count}} shown',
    loadOlder: 'Load older entries',
    allShown: 'Every matching entry is shown',
    verify: 'Verify chain',
    verifyTitle: 'Chain verification',
    verifyHint:
      "Checks every hash, every entry's signature and its signer's certificate, the required checkpoints, the company certificate and the protective triggers.",
    exportTitle: 'Export the audit log',
    exportHint:
      'Writes CSV for Excel, signed JSON, the company certificate and every signed checkpoint, checkable with openssl alone.',
    intact: 'The chain is intact — entries: {{entries}}, signed checkpoints: {{checkpoints}}',
    broken: 'The chain breaks at entry {{seq}} ({{kind}})',
    problems: '{{count}} problems in the audit evidence, the first at entry {{seq}}:',
    headLabel: 'Head',
    export: 'Export…',
    exportNotAllowed: 'Only owners and auditors can export the audit log',
    exported: 'Written to the chosen folder:',
    exportFailed: 'Not exported',
    recordedAs: 'Recorded as {{op}}',
  },
};

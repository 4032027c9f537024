// English text of the Requests page (customers' requests and complaints) and its Dashboard reminder.
import type { requests as zh } from '../zh-CN/requests';
import type { Messages } from '../messages';

export const requests: Messages<typeof zh> = {
  requests: {
    title: 'Customer requests',
    subtitle:
      'Access, copy, correction, deletion, objection, portability and complaints: register, due dates, answers from the vault, letters',
    noPersonalData:
      "The register keeps record numbers, dates and outcomes, not the customer's information; do not write personal data in the note.",
    add: 'Register a request',
    empty: 'No request registered yet',
    columns: {
      ref: 'Ref.',
      kind: 'Kind',
      record: 'Record',
      received: 'Received',
      due: 'Due',
      status: 'Status',
      actions: 'Actions',
    },
    kinds: {
      access: 'Access / copy',
      correct: 'Correction',
      delete: 'Deletion',
      object: 'Objection / withdrawal',
      portability: 'Portability',
      complaint: 'Complaint',
      other: 'Other',
    },
    regimes: { pipl: 'PIPL', gdpr: 'GDPR', ccpa: 'CCPA' },
    channels: {
      email: 'E-mail',
      phone: 'Phone',
      letter: 'Letter',
      'in-person': 'In person',
      web: 'Website',
      other: 'Other',
    },
    identity: {
      'id-document-seen': 'ID document seen',
      'account-details-matched': 'Account details matched',
      'known-contact': 'Known contact details',
      'agent-authorisation-seen': "Agent's authorisation seen",
      'not-checked': 'Not checked',
    },
    statuses: { open: 'Open', fulfilled: 'Fulfilled', closed: 'Closed' },
    outcomes: {
      granted: 'Granted',
      partly: 'Partly granted',
      refused: 'Refused (with reasons)',
      withdrawn: 'Withdrawn',
    },
    notFound: 'No record found',
    daysLeft: '{{count}} day(s) left',
    overdue: '{{count}} day(s) overdue',
    extended: 'Extended',
    form: {
      kind: 'Kind of request',
      regime: 'Law',
      channel: 'Channel',
      receivedOn: 'Received on (YYYY-MM-DD)',
      recordId: 'Customer record number (empty when none was found)',
      identityCheck: 'Identity check (what was seen, not the document)',
      workingDays: 'Working days to answer in (default 15)',
      note: 'Note (no personal data)',
    },
    fulfil: 'Fulfil',
    fulfilled: 'Fulfilled: {{files}}',
    close: 'Close',
    closeTitle: 'Close request {{ref}}',
    outcome: 'Outcome',
    outcomeNote: 'Note (a refusal must give the reasons)',
    saved: 'Saved',
    dashboard: {
      title: 'Customer requests falling due',
      item: '{{ref}} ({{kind}}) due {{date}}',
      open: 'Open customer requests',
    },
  },
};

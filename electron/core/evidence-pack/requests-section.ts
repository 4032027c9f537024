// The requests register in the evidence pack: every customer's request as the register holds it (the
// record's number, never a value from the record), with its due date, status and outcome, as JSON and as
// a CSV for a spreadsheet. The final pack a whole-vault wipe writes carries it, so the register outlives
// the vault (CCPA regulations §7101: keep request records 24 months).
import { listRequests } from '../requests/register';
import type { OpenVault } from '../vault/open-vault';
import { csvContent, jsonContent, type BagEntry } from './bag';

export function requestsSection(vault: OpenVault, now: Date): BagEntry[] {
  const requests = listRequests(vault, { open: false }, now);
  return [
    {
      path: 'data/requests/register.json',
      content: jsonContent({
        format: 'closeout-requests-register',
        version: 1,
        writtenAt: now.toISOString(),
        requests,
      }),
    },
    {
      path: 'data/requests/register.csv',
      content: csvContent(
        [
          'ref',
          'kind',
          'regime',
          'channel',
          'received_on',
          'record',
          'identity_check',
          'due',
          'due_basis',
          'days_left',
          'extended',
          'status',
          'outcome',
          'closed_at',
          'answered_in_time',
          'action',
          'note',
        ],
        requests.map((r) => [
          r.ref,
          r.kind,
          r.regime,
          r.channel,
          r.receivedOn,
          r.recordId ?? '',
          r.identityCheck,
          r.due.date,
          `${r.due.count} ${r.due.basis}`,
          r.daysLeft ?? '',
          r.extension ? r.extension.at.slice(0, 10) : '',
          r.status,
          r.outcome ?? '',
          r.closedAt ?? '',
          r.closedAt ? String(r.closedAt.slice(0, 10) <= r.due.date) : '',
          r.fulfilment?.action ?? '',
          r.note,
        ]),
      ),
    },
  ];
}

// The incident register, the emergency plan and the drills in the evidence pack: every incident as the
// register holds it (what it touched as ids and counts, each notification duty's timer, the decisions and
// their reasons, the notices drafted and sent), the drills held and the plan in force (JSON, and the plan
// as its PDF), with CSVs for a spreadsheet. The final pack a whole-vault wipe writes carries it, so the
// register outlives the vault (GDPR Art. 33(5): document every breach).
import { listDrills } from '../incidents/drills';
import { loadPlan, planPdf } from '../incidents/plan';
import { incidentStatus, listIncidents } from '../incidents/register';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { csvContent, jsonContent, type BagEntry } from './bag';

export async function incidentsSection(vault: OpenVault, now: Date): Promise<BagEntry[]> {
  const incidents = listIncidents(vault, { open: false }, now).sort((a, b) => a.ref.localeCompare(b.ref));
  const drills = listDrills(vault);
  const plan = loadPlan(vault.db, 'zh-CN');
  const status = incidentStatus(vault, now);
  const writtenAt = now.toISOString();
  return [
    {
      path: 'data/incidents/register.json',
      content: jsonContent({
        format: 'closeout-incident-register',
        version: 1,
        writtenAt,
        summary: {
          recorded: incidents.length,
          open: incidents.filter((e) => e.status === 'open').length,
          noticesDrafted: incidents.reduce((n, e) => n + e.notices.filter((x) => x.draftedAt).length, 0),
          noticesSent: incidents.reduce((n, e) => n + e.notices.filter((x) => x.sentAt).length, 0),
          timersRunning: status.running.length,
        },
        incidents,
      }),
    },
    {
      path: 'data/incidents/register.csv',
      content: csvContent(
        [
          'ref',
          'kind',
          'discovered_at',
          'status',
          'closed_at',
          'regimes',
          'affected_basis',
          'records',
          'people',
          'encrypted',
          'key_exposed',
          'backup_id',
          'transfer_id',
          'description',
          'close_note',
        ],
        incidents.map((e) => [
          e.ref,
          e.kind,
          e.discoveredAt,
          e.status,
          e.closedAt ?? '',
          e.regimes.join(' '),
          e.affected.basis,
          e.affected.records ?? '',
          e.affected.people ?? '',
          e.affected.encrypted ?? '',
          e.affected.keyExposed,
          e.affected.backupId ?? '',
          e.affected.transferId ?? '',
          e.description,
          e.closeNote ?? '',
        ]),
      ),
    },
    {
      path: 'data/incidents/notifications.csv',
      content: csvContent(
        [
          'ref',
          'regime',
          'audience',
          'provision',
          'deadline',
          'state',
          'decision',
          'reason',
          'decided_at',
          'drafted_at',
          'sent_at',
          'delay_reasons',
        ],
        incidents.flatMap((e) =>
          e.timers.map((t) => {
            const d = e.decisions.filter((x) => x.regime === t.regime && x.audience === t.audience).at(-1);
            const n = e.notices.filter((x) => x.regime === t.regime && x.audience === t.audience);
            return [
              e.ref,
              t.regime,
              t.audience,
              t.cite,
              t.deadline ?? '',
              t.state,
              d?.decision ?? '',
              d?.reason ?? '',
              d?.at ?? '',
              n
                .map((x) => x.draftedAt)
                .filter(Boolean)
                .at(-1) ?? '',
              t.sentAt ?? '',
              n.map((x) => x.delayReasons).find(Boolean) ?? '',
            ];
          }),
        ),
      ),
    },
    {
      path: 'data/incidents/drills.json',
      content: jsonContent({
        format: 'closeout-incident-drills',
        version: 1,
        writtenAt,
        drillPeriodMonths: status.drillPeriodMonths,
        drillDue: status.drillDue,
        drills,
      }),
    },
    {
      path: 'data/incidents/drills.csv',
      content: csvContent(
        ['held_on', 'kind', 'scenario', 'participants', 'findings', 'logged_by'],
        drills.map((d) => [
          d.heldOn,
          d.kind,
          d.scenario,
          d.participants.join('; '),
          d.findings,
          d.loggedBy ?? '',
        ]),
      ),
    },
    {
      path: 'data/incidents/emergency-plan.json',
      content: jsonContent({
        format: 'closeout-emergency-plan',
        version: 1,
        template: plan.updatedAt === null,
        plan,
      }),
    },
    {
      path: 'data/incidents/emergency-plan.pdf',
      content: await planPdf(plan, readMeta(vault.db).clientName, now),
    },
  ];
}

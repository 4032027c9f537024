// incidents.list, incidents.add, incidents.decide, incidents.close, incidents.status: the register of
// security incidents. A row holds what the incident touched as ids and counts (affected.ts); the timers
// are computed from the moment of discovery, the decisions and the notices each time the row is read.
import { randomUUID } from 'node:crypto';
import type {
  IncidentAdded,
  IncidentAffected,
  IncidentDecision,
  IncidentEntry,
  IncidentNotice,
  IncidentStatus,
  OpParsedInput,
} from '../../../shared/contract';
import { addMonths } from '../../../shared/requests';
import { incidentTimers, timerKey, timerRunning, type IncidentRegime } from '../../../shared/incidents';
import { EngineError } from '../kernel/engine-error';
import { registerRow } from '../util/register-row';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { affectedBy } from './affected';
import { loadPlan } from './plan';

export interface IncidentRow {
  id: string;
  seq: number;
  kind: IncidentEntry['kind'];
  discovered_at: string;
  description: string;
  affected: string;
  regimes: string;
  decisions: string;
  notices: string;
  status: IncidentEntry['status'];
  closed_at: string | null;
  close_note: string | null;
  created_at: string;
  created_by: string | null;
}

export function toIncident(row: IncidentRow, now = new Date()): IncidentEntry {
  const decisions = JSON.parse(row.decisions) as IncidentDecision[];
  // Notices recorded before the reasons for a delay were kept have none.
  const notices = (JSON.parse(row.notices) as IncidentNotice[]).map((n) => ({
    ...n,
    delayReasons: n.delayReasons ?? null,
  }));
  const regimes = JSON.parse(row.regimes) as IncidentRegime[];
  const sent: Record<string, string> = {};
  for (const n of notices) if (n.sentAt) sent[timerKey(n.regime, n.audience)] = n.sentAt;
  const decided: Record<string, IncidentDecision['decision']> = {};
  for (const d of decisions) decided[timerKey(d.regime, d.audience)] = d.decision;
  return {
    id: row.id,
    ref: `I-${String(row.seq).padStart(4, '0')}`,
    kind: row.kind,
    discoveredAt: row.discovered_at,
    description: row.description,
    affected: JSON.parse(row.affected) as IncidentAffected,
    regimes,
    timers: incidentTimers(
      { discoveredAt: row.discovered_at, regimes, sent, decided, closed: row.status === 'closed' },
      now,
    ),
    decisions,
    notices,
    status: row.status,
    closedAt: row.closed_at,
    closeNote: row.close_note,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** The incident by id or by its reference (I-0001), or INCIDENT_NOT_FOUND. */
export function incidentRow(db: VaultDb, id: string): IncidentRow {
  const row = registerRow<IncidentRow>(db, 'incidents', 'I', id);
  if (!row) throw new EngineError('INCIDENT_NOT_FOUND', { id });
  return row;
}

/** The incident, still open, or INCIDENT_CLOSED. */
export function openIncident(db: VaultDb, id: string): IncidentRow {
  const row = incidentRow(db, id);
  if (row.status === 'closed') throw new EngineError('INCIDENT_CLOSED', { ref: toIncident(row).ref });
  return row;
}

export function listIncidents(vault: OpenVault, input: OpParsedInput<'incidents.list'>, now = new Date()) {
  const rows = vault.db
    .prepare(`SELECT * FROM incidents ${input.open ? `WHERE status = 'open'` : ''} ORDER BY seq DESC`)
    .all() as IncidentRow[];
  const closed = (e: IncidentEntry) => (e.status === 'closed' ? 1 : 0);
  return rows.map((r) => toIncident(r, now)).sort((a, b) => closed(a) - closed(b));
}

/** PIPL always (the business is in China); GDPR and CCPA when residents of the EEA or California are affected. */
function defaultRegimes(affected: IncidentAffected): IncidentRegime[] {
  return [
    'pipl',
    ...(affected.eu > 0 ? (['gdpr'] as const) : []),
    ...(affected.california > 0 ? (['ccpa'] as const) : []),
  ];
}

export function addIncident(
  vault: OpenVault,
  input: OpParsedInput<'incidents.add'>,
  now = new Date(),
): IncidentAdded {
  const db = vault.db;
  const discoveredAt = new Date(input.discoveredAt).toISOString();
  if (discoveredAt > now.toISOString()) throw new EngineError('INCIDENT_FUTURE', { field: 'discoveredAt' });
  const affected = affectedBy(db, input.kind, input.source, input.keyExposed);
  const regimes = input.regimes ? [...new Set(input.regimes)] : defaultRegimes(affected);
  const id = randomUUID();
  vault.change(
    () => ({
      op: 'incidents.add',
      params: { id, kind: input.kind, basis: affected.basis, regimes },
      counts: { records: affected.records ?? 0 },
      outcome: 'ok',
    }),
    () => {
      const seq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM incidents').pluck().get() as number;
      db.prepare(
        `INSERT INTO incidents (id, seq, kind, discovered_at, description, affected, regimes, status,
           created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      ).run(
        id,
        seq,
        input.kind,
        discoveredAt,
        input.description,
        JSON.stringify(affected),
        JSON.stringify(regimes),
        now.toISOString(),
        vault.actor.userName,
      );
    },
  );
  return { incidentId: id, ...toIncident(incidentRow(db, id), now) };
}

/** The obligation exists for this incident, or INCIDENT_REGIME. */
export function checkObligation(
  entry: IncidentEntry,
  regime: IncidentRegime,
  audience: IncidentNotice['audience'],
): void {
  if (!entry.timers.some((t) => t.regime === regime && t.audience === audience))
    throw new EngineError('INCIDENT_REGIME', {
      ref: entry.ref,
      regime,
      audience,
      regimes: entry.regimes.join(', '),
    });
}

export function decideIncident(vault: OpenVault, input: OpParsedInput<'incidents.decide'>, now = new Date()) {
  const row = openIncident(vault.db, input.id);
  checkObligation(toIncident(row, now), input.regime, input.audience);
  const decision: IncidentDecision = {
    regime: input.regime,
    audience: input.audience,
    decision: input.decision,
    reason: input.reason,
    at: now.toISOString(),
    by: vault.actor.userName,
  };
  const decisions = [...(JSON.parse(row.decisions) as IncidentDecision[]), decision];
  vault.change(
    () => ({
      op: 'incidents.decide',
      params: { id: row.id, regime: input.regime, audience: input.audience, decision: input.decision },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare('UPDATE incidents SET decisions = ? WHERE id = ?')
        .run(JSON.stringify(decisions), row.id),
  );
  return toIncident(incidentRow(vault.db, row.id), now);
}

export function closeIncident(vault: OpenVault, input: OpParsedInput<'incidents.close'>, now = new Date()) {
  const row = openIncident(vault.db, input.id);
  vault.change(
    () => ({ op: 'incidents.close', params: { id: row.id }, outcome: 'ok' }),
    () =>
      vault.db
        .prepare(`UPDATE incidents SET status = 'closed', closed_at = ?, close_note = ? WHERE id = ?`)
        .run(now.toISOString(), input.note, row.id),
  );
  return toIncident(incidentRow(vault.db, row.id), now);
}

export function incidentStatus(vault: OpenVault, now = new Date()): IncidentStatus {
  const running = listIncidents(vault, { open: true }, now).flatMap((e) =>
    e.timers.filter(timerRunning).map((t) => ({
      id: e.id,
      ref: e.ref,
      regime: t.regime,
      audience: t.audience,
      deadline: t.deadline,
      state: t.state,
    })),
  );
  const lastDrill = vault.db.prepare('SELECT max(held_on) FROM incident_drills').pluck().get() as
    string | null;
  const { drillPeriodMonths } = loadPlan(vault.db, 'zh-CN');
  const since = addMonths(now.toISOString().slice(0, 10), -drillPeriodMonths);
  return { running, lastDrill, drillPeriodMonths, drillDue: lastDrill === null || lastDrill < since };
}

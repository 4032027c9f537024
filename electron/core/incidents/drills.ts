// incidents.drills, incidents.logDrill: the emergency drills held (GB/T 35273 10.1: at least yearly), with
// their scenario, participants and findings.
import { randomUUID } from 'node:crypto';
import type { DrillEntry, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { OpenVault } from '../vault/open-vault';

interface DrillRow {
  id: string;
  held_on: string;
  kind: DrillEntry['kind'];
  scenario: string;
  participants: string;
  findings: string;
  logged_at: string;
  logged_by: string | null;
}

const toDrill = (r: DrillRow): DrillEntry => ({
  id: r.id,
  heldOn: r.held_on,
  kind: r.kind,
  scenario: r.scenario,
  participants: JSON.parse(r.participants) as string[],
  findings: r.findings,
  loggedAt: r.logged_at,
  loggedBy: r.logged_by,
});

export function listDrills(vault: OpenVault): DrillEntry[] {
  return (
    vault.db
      .prepare('SELECT * FROM incident_drills ORDER BY held_on DESC, logged_at DESC')
      .all() as DrillRow[]
  ).map(toDrill);
}

export function logDrill(vault: OpenVault, input: OpParsedInput<'incidents.logDrill'>, now = new Date()) {
  if (input.heldOn > now.toISOString().slice(0, 10))
    throw new EngineError('INCIDENT_FUTURE', { field: 'heldOn' });
  const id = randomUUID();
  vault.change(
    () => ({
      op: 'incidents.logDrill',
      params: { id, kind: input.kind, heldOn: input.heldOn },
      counts: { participants: input.participants.length },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare(
          `INSERT INTO incident_drills (id, held_on, kind, scenario, participants, findings, logged_at, logged_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.heldOn,
          input.kind,
          input.scenario,
          JSON.stringify(input.participants),
          input.findings,
          now.toISOString(),
          vault.actor.userName,
        ),
  );
  return toDrill(vault.db.prepare('SELECT * FROM incident_drills WHERE id = ?').get(id) as DrillRow);
}

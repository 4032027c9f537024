// risks.list, risks.add, risks.update: the register is the seeded risks (with whatever a person set on
// them, stored under their id) plus the risks added by hand. A detected risk whose condition no longer
// holds shows as closed; if it comes back, as open again, unless a person accepted it.
import { randomUUID } from 'node:crypto';
import { bi } from '../../../shared/bilingual';
import type { OpParsedInput, Risk, RiskStatus } from '../../../shared/contract';
import { gatherFacts, type ClosureFacts } from '../compliance/facts';
import { EngineError } from '../kernel/engine-error';
import type { OpenVault } from '../vault/open-vault';
import { SEEDED_RISKS, type SeededRisk } from './catalogue';

interface Row {
  id: string;
  source: Risk['source'];
  category: Risk['category'];
  title: string | null;
  description: string | null;
  likelihood: number | null;
  impact: number | null;
  owner: string | null;
  treatment: string | null;
  status: RiskStatus | null;
  updated_at: string;
  updated_by: string | null;
}

const levelOf = (score: number): Risk['level'] => (score >= 15 ? 'high' : score >= 8 ? 'medium' : 'low');

function seeded(s: SeededRisk, row: Row | undefined, f: ClosureFacts): Risk {
  const finding = s.detect ? s.detect(f) : null;
  const likelihood = row?.likelihood ?? s.likelihood;
  const impact = row?.impact ?? s.impact;
  let status: RiskStatus = row?.status ?? 'open';
  if (s.detect && finding === null && status !== 'accepted') status = 'closed';
  if (s.detect && finding !== null && status === 'closed') status = 'open';
  return {
    id: s.id,
    source: s.source,
    category: s.category,
    title: s.title,
    description: s.description,
    likelihood,
    impact,
    score: likelihood * impact,
    level: levelOf(likelihood * impact),
    owner: row?.owner ?? null,
    treatment: row?.treatment ?? null,
    status,
    detected: s.detect ? finding !== null : null,
    finding,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

function manual(row: Row): Risk {
  const likelihood = row.likelihood ?? 1;
  const impact = row.impact ?? 1;
  return {
    id: row.id,
    source: 'manual',
    category: row.category,
    title: bi(row.title ?? '', row.title ?? ''),
    description: bi(row.description ?? '', row.description ?? ''),
    likelihood,
    impact,
    score: likelihood * impact,
    level: levelOf(likelihood * impact),
    owner: row.owner,
    treatment: row.treatment,
    status: row.status ?? 'open',
    detected: null,
    finding: null,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function listRisks(vault: OpenVault, facts = gatherFacts(vault)): Risk[] {
  const rows = vault.db.prepare('SELECT * FROM risks ORDER BY created_at, id').all() as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const risks = [
    ...SEEDED_RISKS.map((s) => seeded(s, byId.get(s.id), facts)),
    ...rows.filter((r) => r.source === 'manual').map(manual),
  ];
  const open = (r: Risk) => (r.status === 'closed' ? 1 : 0);
  return risks.sort((a, b) => open(a) - open(b) || b.score - a.score);
}

export function addRisk(vault: OpenVault, input: OpParsedInput<'risks.add'>, now = new Date()): Risk {
  const id = randomUUID();
  const at = now.toISOString();
  vault.change(
    () => ({
      op: 'risks.add',
      params: { id, category: input.category, likelihood: input.likelihood, impact: input.impact },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare(
          `INSERT INTO risks (id, source, category, title, description, likelihood, impact, owner, treatment,
             status, created_at, updated_at, updated_by)
           VALUES (?, 'manual', ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
        )
        .run(
          id,
          input.category,
          input.title,
          input.description,
          input.likelihood,
          input.impact,
          input.owner ?? null,
          input.treatment ?? null,
          at,
          at,
          vault.actor.userName,
        ),
  );
  return listRisks(vault).find((r) => r.id === id) as Risk;
}

export function updateRisk(vault: OpenVault, input: OpParsedInput<'risks.update'>, now = new Date()): Risk {
  const seed = SEEDED_RISKS.find((s) => s.id === input.id);
  const existing = vault.db.prepare('SELECT * FROM risks WHERE id = ?').get(input.id) as Row | undefined;
  if (!seed && !existing) throw new EngineError('RISK_NOT_FOUND', { id: input.id });
  const at = now.toISOString();
  const { id, ...changes } = input;
  vault.change(
    () => ({
      op: 'risks.update',
      params: { id, fields: Object.keys(changes).filter((k) => k !== 'id') },
      outcome: 'ok',
    }),
    () => {
      if (!existing && seed)
        vault.db
          .prepare(
            `INSERT INTO risks (id, source, category, likelihood, impact, status, created_at, updated_at, updated_by)
             VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
          )
          .run(
            seed.id,
            seed.source,
            seed.category,
            seed.likelihood,
            seed.impact,
            at,
            at,
            vault.actor.userName,
          );
      const set: string[] = [];
      const args: unknown[] = [];
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        set.push(`${key} = ?`);
        args.push(value);
      }
      vault.db
        .prepare(`UPDATE risks SET ${[...set, 'updated_at = ?', 'updated_by = ?'].join(', ')} WHERE id = ?`)
        .run(...args, at, vault.actor.userName, id);
    },
  );
  return listRisks(vault).find((r) => r.id === id) as Risk;
}

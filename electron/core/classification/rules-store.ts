// The vault's classification rules, versioned: every save is a new row, the newest is in force, and a
// record remembers the version it was classified under (customers.rules_version).
import { DEFAULT_RULES } from '../../../shared/classification/default-rules';
import {
  rulesSchema,
  type ClassificationRules,
  type RulesVersion,
} from '../../../shared/classification/rules';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';

interface RulesRow {
  version: number;
  body: string;
  created_at: string;
  created_by: string | null;
  note: string | null;
}

const fromRow = (row: RulesRow): RulesVersion => {
  const parsed = rulesSchema.safeParse(JSON.parse(row.body));
  // Bodies are validated before they are stored; one that no longer parses is damage, not input.
  if (!parsed.success) throw new EngineError('INTERNAL', { ref: `rules version ${row.version} unreadable` });
  return {
    version: row.version,
    body: parsed.data,
    createdAt: row.created_at,
    createdBy: row.created_by,
    note: row.note,
  };
};

/** The rules in force; the defaults as version 1 when none were ever stored (nothing is written). */
export function peekRules(db: VaultDb): RulesVersion {
  const row = db.prepare('SELECT * FROM rules ORDER BY version DESC LIMIT 1').get() as RulesRow | undefined;
  return row
    ? fromRow(row)
    : {
        version: 1,
        body: DEFAULT_RULES,
        createdAt: new Date(0).toISOString(),
        createdBy: null,
        note: 'defaults',
      };
}

/**
 * The rules in force, storing the defaults as version 1 on first use, so every rules_version a record
 * carries names a row. Call inside the transaction that classifies.
 */
export function currentRules(db: VaultDb, now = new Date()): RulesVersion {
  const row = db.prepare('SELECT * FROM rules ORDER BY version DESC LIMIT 1').get() as RulesRow | undefined;
  if (row) return fromRow(row);
  db.prepare(
    `INSERT INTO rules (version, body, created_at, created_by, note) VALUES (1, ?, ?, NULL, 'defaults')`,
  ).run(JSON.stringify(DEFAULT_RULES), now.toISOString());
  return currentRules(db, now);
}

export function listRuleVersions(
  db: VaultDb,
): Array<{ version: number; createdAt: string; createdBy: string | null; note: string | null }> {
  return (
    db
      .prepare('SELECT version, created_at, created_by, note FROM rules ORDER BY version DESC')
      .all() as Array<Omit<RulesRow, 'body'>>
  ).map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, note: r.note }));
}

/** Stores a new version (validated again here: the CLI reads bodies from files). */
export function insertRules(
  db: VaultDb,
  body: unknown,
  createdBy: string | null,
  note: string | null,
  now = new Date(),
): RulesVersion {
  const parsed = rulesSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EngineError('INVALID_INPUT', { detail: `rules: ${issue.path.join('.')}: ${issue.message}` });
  }
  currentRules(db, now); // version 1 = the defaults, so history starts where the vault did
  const { next } = db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM rules').get() as {
    next: number;
  };
  db.prepare('INSERT INTO rules (version, body, created_at, created_by, note) VALUES (?, ?, ?, ?, ?)').run(
    next,
    JSON.stringify(parsed.data satisfies ClassificationRules),
    now.toISOString(),
    createdBy,
    note,
  );
  return currentRules(db, now);
}

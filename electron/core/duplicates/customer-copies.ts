// Duplicate review's copies of a customer: merge snapshots (`merges.before` holds a survivor's earlier
// values), and references from clusters and from pairs a person took apart.
import type { CustomerCopies } from '../kernel/customer-copies';
import { jsonStrings, WIPE_TARGETS } from '../kernel/customer-copies';
import type { ClusterExplanation, PairLink } from '../../../shared/duplicates';

/** Merges whose survivor or merged records are targets: their snapshots and links go with them. */
const TARGET_MERGES = `SELECT m.id FROM merges m WHERE m.survivor_id IN (SELECT id FROM ${WIPE_TARGETS})
  OR EXISTS (SELECT 1 FROM json_each(m.merged_ids) j WHERE j.value IN (SELECT id FROM ${WIPE_TARGETS}))`;

export const duplicatesCopies: readonly CustomerCopies[] = [
  {
    table: 'merges',
    valueColumns: ['before'],
    purge: (db) => db.prepare(`DELETE FROM merges WHERE id IN (${TARGET_MERGES})`).run().changes,
    *values(db) {
      for (const row of db.prepare(`SELECT before FROM merges WHERE id IN (${TARGET_MERGES})`).iterate())
        yield* jsonStrings((row as { before: string }).before);
    },
  },
  {
    table: 'cluster_apart',
    valueColumns: [],
    purge: (db) =>
      db
        .prepare(
          `DELETE FROM cluster_apart WHERE a IN (SELECT id FROM ${WIPE_TARGETS}) OR b IN (SELECT id FROM ${WIPE_TARGETS})`,
        )
        .run().changes,
  },
  {
    table: 'clusters',
    valueColumns: [],
    // A cluster keeps its other members and its decision; links to a target go. One left: no cluster.
    purge(db) {
      const touched = db
        .prepare(
          `SELECT DISTINCT cluster_id AS id FROM customers
           WHERE cluster_id IS NOT NULL AND id IN (SELECT id FROM ${WIPE_TARGETS})`,
        )
        .all() as Array<{ id: number }>;
      const members = db.prepare(
        `SELECT count(*) AS n FROM customers WHERE cluster_id = ? AND id NOT IN (SELECT id FROM ${WIPE_TARGETS})`,
      );
      const targets = new Set(
        (db.prepare(`SELECT id FROM ${WIPE_TARGETS}`).all() as Array<{ id: number }>).map((r) => r.id),
      );
      const keep = (link: PairLink) => !targets.has(link.a) && !targets.has(link.b);
      let changed = 0;
      for (const { id } of touched) {
        db.prepare(
          `UPDATE customers SET cluster_id = NULL WHERE cluster_id = ? AND id IN (SELECT id FROM ${WIPE_TARGETS})`,
        ).run(id);
        if ((members.get(id) as { n: number }).n < 2) {
          db.prepare('UPDATE customers SET cluster_id = NULL WHERE cluster_id = ?').run(id);
          db.prepare('UPDATE merges SET cluster_id = NULL WHERE cluster_id = ?').run(id);
          changed += db.prepare('DELETE FROM clusters WHERE id = ?').run(id).changes;
          continue;
        }
        const row = db.prepare('SELECT explanation FROM clusters WHERE id = ?').get(id) as
          { explanation: string } | undefined;
        if (!row) continue; // a cluster id no cluster row backs: the targets' links were all it had
        const explanation = JSON.parse(row.explanation) as ClusterExplanation;
        const next: ClusterExplanation = {
          ...explanation,
          links: explanation.links.filter(keep),
          conflicts: explanation.conflicts.filter(keep),
        };
        changed += db
          .prepare('UPDATE clusters SET explanation = ? WHERE id = ?')
          .run(JSON.stringify(next), id).changes;
      }
      return changed;
    },
  },
];

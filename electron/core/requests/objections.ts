// The per-customer "objected" fact the rest of the engine reads: a customer whose objection (or
// withdrawal of consent) is in the register, not refused or withdrawn, is in no handover selection.
// The handover's own per-handover objections (handover_responses) are read beside it.

/** A condition on `customers c`: the customer objected through the requests register (no parameters). */
export const OBJECTED_BY_REQUEST = `EXISTS (SELECT 1 FROM requests q WHERE q.record_ref = c.id
  AND q.kind = 'object' AND coalesce(q.outcome, '') NOT IN ('refused', 'withdrawn'))`;

/** The records whose customers objected through the register (SQL selecting `id`). */
export const REQUEST_OBJECTORS = `SELECT record_ref AS id FROM requests WHERE kind = 'object'
  AND record_ref IS NOT NULL AND coalesce(outcome, '') NOT IN ('refused', 'withdrawn')`;

/** A condition on `customers c`: an objection in the register or in any handover (no parameters). */
export const OBJECTED_ANYWHERE = `(EXISTS (SELECT 1 FROM handover_responses r WHERE r.customer_id = c.id
  AND r.kind = 'objection') OR ${OBJECTED_BY_REQUEST})`;

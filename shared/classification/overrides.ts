// Classifications a person set by hand on a record (customers.overrides). Reclassification leaves
// them alone; clearing one hands the field back to the rules.
import { z } from 'zod';
import { CUSTOMER_TYPES, REGIONS, SENSITIVE_KINDS } from '../customer';
import { categoryIdFor } from './category-vocabulary';

export const overridesSchema = z.strictObject({
  type: z.enum(CUSTOMER_TYPES).optional(),
  region: z.enum(REGIONS).optional(),
  regionCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  category: z.string().trim().min(1).max(100).nullable().optional(),
  flags: z
    .strictObject({
      stale: z.boolean().optional(),
      minor: z.boolean().optional(),
      incomplete: z.boolean().optional(),
      typeDoubtful: z.boolean().optional(),
      regionConflict: z.boolean().optional(),
      sensitive: z.array(z.enum(SENSITIVE_KINDS)).max(SENSITIVE_KINDS.length).optional(),
    })
    .optional(),
});
export type RecordOverrides = z.infer<typeof overridesSchema>;

/**
 * A change to overrides: a value sets the override, null clears it (the rules decide again), absent
 * leaves it as it is.
 */
export const overrideChangeSchema = z
  .strictObject({
    type: z.enum(CUSTOMER_TYPES).nullable().optional(),
    region: z.enum(REGIONS).nullable().optional(),
    regionCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .optional(),
    /** A category (a taxonomy id or name, or a person's own); '' sets "no category"; null clears the override. */
    category: z.string().trim().max(100).nullable().optional(),
    flags: z
      .strictObject({
        stale: z.boolean().nullable().optional(),
        minor: z.boolean().nullable().optional(),
        incomplete: z.boolean().nullable().optional(),
        typeDoubtful: z.boolean().nullable().optional(),
        regionConflict: z.boolean().nullable().optional(),
        sensitive: z.array(z.enum(SENSITIVE_KINDS)).max(SENSITIVE_KINDS.length).nullable().optional(),
      })
      .optional(),
  })
  .refine((c) => Object.keys(c).length > 0 && (c.flags === undefined || Object.keys(c.flags).length > 0), {
    message: 'nothing to change',
  });
export type OverrideChange = z.infer<typeof overrideChangeSchema>;

/** Applies a change to stored overrides; the result keeps only what is overridden. */
export function applyOverrideChange(current: RecordOverrides, change: OverrideChange): RecordOverrides {
  const next: RecordOverrides = { ...current, flags: { ...current.flags } };
  for (const key of ['type', 'region', 'regionCountry'] as const) {
    if (change[key] === undefined) continue;
    if (change[key] === null) delete next[key];
    else (next as Record<string, unknown>)[key] = change[key];
  }
  if (change.category !== undefined) {
    if (change.category === null) delete next.category;
    // Stored as the rules store it: a taxonomy category by its id, a person's own as written.
    else next.category = change.category === '' ? null : categoryIdFor(change.category);
  }
  for (const [key, value] of Object.entries(change.flags ?? {})) {
    const flags = next.flags as Record<string, unknown>;
    if (value === null) delete flags[key];
    else if (value !== undefined) flags[key] = value;
  }
  if (Object.keys(next.flags ?? {}).length === 0) delete next.flags;
  return next;
}

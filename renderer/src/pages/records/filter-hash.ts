// The filter other pages link to: `#/records?filter=<URI-encoded JSON of a RecordFilter>`, written and read
// here. Read with the same schema the engine checks, so a link never carries something the engine refuses.
import { recordFilterSchema, type RecordFilter } from '../../../../shared/records';

/** The Records page's address for a filter: every page that links to a list of records uses it. */
export function recordsHref(filter: RecordFilter): string {
  return `#/records?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

export interface HashFilter {
  filter: RecordFilter;
  /** True when the hash had a filter that is not one (shown as a warning, then ignored). */
  invalid: boolean;
}

export function filterFromHash(hash: string): HashFilter {
  const query = hash.split('?')[1] ?? '';
  const raw = new URLSearchParams(query).get('filter');
  if (raw === null) return { filter: {}, invalid: false };
  try {
    const parsed = recordFilterSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { filter: parsed.data, invalid: false } : { filter: {}, invalid: true };
  } catch {
    return { filter: {}, invalid: true };
  }
}

/** Drops empty parts (undefined values, empty flag and status groups) so two equal filters compare equal. */
export function cleanFilter(filter: RecordFilter): RecordFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (value !== null && typeof value === 'object') {
      const inner = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
      if (Object.keys(inner).length) out[key] = inner;
    } else out[key] = value;
  }
  return out as RecordFilter;
}

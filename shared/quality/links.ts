// The Records page's address for a filter, the convention every page that links to a list of records
// uses: `#/records?filter=<URI-encoded JSON of a RecordFilter (shared/records.ts)>`.
import type { RecordFilter } from '../records';

export function recordsHref(filter: RecordFilter): string {
  return `#/records?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

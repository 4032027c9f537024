// The Records page's filter (shared/records.ts RecordFilter) as an SQL condition on `customers`, for
// the bulk operations that take one (disposition rules, overrides, reclassify). Same meaning as the
// records view's selection, without the search; bound parameters only, never spliced values.
import { categoryValuesFor } from '../../../shared/classification/category-vocabulary';
import { STATUS_COLUMN, VALIDATED_FIELDS } from '../../../shared/customer/columns';
import type { RecordFilter } from '../../../shared/records';

const FLAG_COLUMNS = {
  stale: 'stale',
  minor: 'minor',
  formulaLike: 'formula_like',
  incomplete: 'incomplete',
  typeDoubtful: 'type_doubtful',
  regionConflict: 'region_conflict',
  hiddenCharacters: 'hidden_characters',
} as const;

export interface SqlCondition {
  sql: string;
  params: Array<string | number>;
}

/** Merged-away records are not customers any more and never match, unless the filter asks for them. */
export function filterCondition(f: RecordFilter): SqlCondition {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  const add = (sql: string, ...values: Array<string | number>) => {
    parts.push(sql);
    params.push(...values);
  };
  if (!f.includeMerged) add('merged_into IS NULL');
  if (f.type !== undefined)
    if (f.type === 'unknown') add(`coalesce(type, 'unknown') = 'unknown'`);
    else add('type = ?', f.type);
  if (f.region !== undefined)
    if (f.region === 'unknown') add(`coalesce(region, 'unknown') = 'unknown'`);
    else add('region = ?', f.region);
  if (f.regionCountry !== undefined) add('region_country = ?', f.regionCountry);
  if (f.category !== undefined)
    if (f.category === null) add('category IS NULL');
    else {
      const values = categoryValuesFor(f.category);
      add(`category IN (${values.map(() => '?').join(', ')})`, ...values);
    }
  if (f.disposition !== undefined)
    if (f.disposition === null) add('disposition IS NULL');
    else add('disposition = ?', f.disposition);
  for (const [flag, column] of Object.entries(FLAG_COLUMNS) as [keyof typeof FLAG_COLUMNS, string][]) {
    const value = f.flags?.[flag];
    if (value !== undefined) add(`${column} = ${value ? 1 : 0}`);
  }
  if (f.flags?.sensitive !== undefined) add(f.flags.sensitive ? `sensitive <> ''` : `sensitive = ''`);
  if (f.flags?.malformed !== undefined) add(`malformed IS ${f.flags.malformed ? 'NOT ' : ''}NULL`);
  for (const field of VALIDATED_FIELDS) {
    const value = f.status?.[field];
    if (value !== undefined) add(`${STATUS_COLUMN[field]} = ?`, value);
  }
  if (f.sourceId !== undefined) add('source_id = ?', f.sourceId);
  if (f.cluster === true) add('cluster_id IS NOT NULL');
  else if (f.cluster === false) add('cluster_id IS NULL');
  else if (f.cluster !== undefined) add('cluster_id = ?', f.cluster);
  return { sql: parts.length ? parts.map((p) => `(${p})`).join(' AND ') : '1', params };
}

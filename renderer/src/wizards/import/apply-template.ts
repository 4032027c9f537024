// A saved mapping template applied over a file's mapping.
import type { ColumnMapping, ColumnTarget } from '../../../../shared/customer';

/**
 * A template over this file's mapping: its choices for the columns this file has; a field the template
 * gives to one of them is taken from any other column (one column per field).
 */
export function applyTemplate(mapping: ColumnMapping, template: ColumnMapping): ColumnMapping {
  const next: ColumnMapping = { ...mapping };
  const chosen = new Set<ColumnTarget>();
  for (const header of Object.keys(mapping))
    if (header in template) {
      next[header] = template[header];
      chosen.add(template[header]);
    }
  for (const header of Object.keys(mapping))
    if (
      !(header in template) &&
      chosen.has(next[header]) &&
      next[header] !== 'extra' &&
      next[header] !== 'skip'
    )
      next[header] = 'extra';
  return next;
}

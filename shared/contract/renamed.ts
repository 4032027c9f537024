// Operations renamed since vaults were first written. An audit entry keeps the name it was recorded under
// (the hash chain covers it, and exports show it as written); the window shows today's name and the audit
// filter finds both. The one list of old → new names.
import type { OpName } from './index';

const RENAMED: Readonly<Record<string, OpName>> = {
  'mappings.list': 'import.mappings',
  'mappings.save': 'import.saveMapping',
  'mappings.delete': 'import.deleteMapping',
  'dedupe.run': 'duplicates.run',
  'dedupe.clusters': 'duplicates.clusters',
  'dedupe.decide': 'duplicates.decide',
  'dedupe.split': 'duplicates.split',
  'dedupe.merge': 'duplicates.merge',
  'dedupe.unmerge': 'duplicates.unmerge',
  'dispose.apply': 'dispositions.apply',
  'dispose.set': 'dispositions.set',
  'classify.run': 'classification.run',
  'rules.get': 'classification.rules',
  'rules.save': 'classification.saveRules',
  'records.override': 'classification.override',
  'stats.get': 'records.stats',
};

/** Today's name of an operation recorded under `name` (itself when it was never renamed). */
export function currentOpName(name: string): string {
  return Object.prototype.hasOwnProperty.call(RENAMED, name) ? RENAMED[name] : name;
}

/** Every name `op` may be recorded under: itself and its earlier names. */
export function recordedOpNames(op: string): string[] {
  return [op, ...Object.keys(RENAMED).filter((old) => RENAMED[old] === op)];
}

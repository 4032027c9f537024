// A wipe journal begun for a test or a benchmark that drives one step of a wipe by itself (the erase, a
// publish): a plan that lists nothing, and whatever key copies the caller found.
import type { WipePlan } from '../../../shared/contract';
import { Journal } from '../../../electron/core/wipe/journal';

export function bareJournal(
  dataDir: string,
  begin: {
    wipeId: string;
    kind: 'records' | 'vault';
    vaultId: string;
    vaultFile: string;
    certificateDir: string;
    keyCopies?: WipePlan['keyCopies'];
  },
): Journal {
  const { keyCopies = [], ...rest } = begin;
  return Journal.create(dataDir, {
    ...rest,
    clientName: 'x',
    at: new Date().toISOString(),
    by: 'owner',
    plan: {
      kind: begin.kind,
      vaultId: begin.vaultId,
      clientName: 'x',
      records: { destroy: 0, mergedWith: 0, anonymise: 0, quarantine: 0, kept: [], keptTotal: 0 },
      files: [],
      backups: [],
      keyCopies,
      warnings: [],
    },
    options: {},
  });
}

// The Dispositions page's model: the vault's counts (read again after applying), the drafted rules, and
// two runs of dispositions.apply: a dry run that only counts, and the real one. Every edit starts a new
// draft version; a dry run's counts are shown only for the version they were counted for.
import { useState } from 'react';
import type { DispositionApplied } from '../../../../shared/contract';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';
import { blankRule, toRules, type DraftRule } from './draft-rules';

export function useDispositions() {
  const { state: stats, reload } = useOperation('records.stats', {});
  const [drafts, setDrafts] = useState<DraftRule[]>([blankRule(), blankRule('none', 'ANONYMISE')]);
  const [version, setVersion] = useState(0);
  const [previewOf, setPreviewOf] = useState<number | null>(null);
  const dry = useJob('dispositions.apply');
  const apply = useJob('dispositions.apply');
  const dryValue: DispositionApplied | null =
    dry.state.status === 'finished' ? (dry.state.value ?? null) : null;
  useOnFinished(apply.state, reload);

  const edit = (next: DraftRule[]) => {
    setDrafts(next);
    setVersion(version + 1);
  };
  const rules = toRules(drafts);

  return {
    stats,
    categories: stats.status === 'ok' ? Object.keys(stats.value.categories) : [],
    drafts,
    rules,
    setDraft: (i: number, change: Partial<DraftRule>) =>
      edit(drafts.map((d, j) => (j === i ? { ...d, ...change } : d))),
    addRule: () => edit([...drafts, blankRule('all', 'DESTROY')]),
    removeRule: (i: number) => edit(drafts.filter((_x, j) => j !== i)),
    preview: previewOf === version ? dryValue : null,
    dry,
    apply,
    runDry: () => {
      if (!rules) return;
      setPreviewOf(version);
      dry.start({ rules, dryRun: true });
    },
    runApply: () => {
      if (!rules) return;
      setVersion(version + 1);
      apply.start({ rules });
    },
  };
}

export type DispositionsModel = ReturnType<typeof useDispositions>;

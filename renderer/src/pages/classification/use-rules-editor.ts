// The rules editor's model: the current rules version, the person's edits to it (which belong to the
// version they were made on: once another version is loaded after a save, the editor shows that one),
// whether the draft is valid, saving a new version (owners), and the reclassification offered after it.
import { useEffect, useState } from 'react';
import { rulesSchema, type ClassificationRules } from '../../../../shared/classification/rules';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';

type Category = ClassificationRules['categories'][number];

export function useRulesEditor(onSaved: () => void) {
  const { state: loaded, reload } = useOperation('classification.rules', {});
  const [edited, setEdited] = useState<{ version: number; body: ClassificationRules } | null>(null);
  const save = useJob('classification.saveRules');
  const reclassify = useJob('classification.run');

  const current = loaded.status === 'ok' ? loaded.value.current : null;
  const draft =
    edited && current && edited.version === current.version ? edited.body : (current?.body ?? null);

  const saved =
    save.state.status === 'finished' && save.state.outcome === 'succeeded' ? save.state.value : null;
  const savedId = saved ? save.state.status === 'finished' && save.state.id : null;
  useEffect(() => {
    if (savedId) {
      reload();
      onSaved();
    }
  }, [savedId, reload, onSaved]);
  useOnFinished(reclassify.state, onSaved);

  const update = (change: Partial<ClassificationRules>) => {
    if (current && draft) setEdited({ version: current.version, body: { ...draft, ...change } });
  };
  const categories = draft?.categories ?? [];

  return {
    loaded,
    version: current?.version ?? null,
    draft,
    valid: draft ? rulesSchema.safeParse(draft) : null,
    update,
    setCategory: (index: number, change: Partial<Category>) =>
      update({ categories: categories.map((c, i) => (i === index ? { ...c, ...change } : c)) }),
    addCategory: () => update({ categories: [...categories, { name: '', keywords: [] }] }),
    removeCategory: (index: number) => update({ categories: categories.filter((_c, j) => j !== index) }),
    save,
    saved,
    reclassify,
  };
}

export type RulesEditorModel = ReturnType<typeof useRulesEditor>;

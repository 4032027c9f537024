// The Classification page's model: the vault's statistics, read again after a reclassification and after
// the rules editor saved a version or reclassified.
import { useCallback } from 'react';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';

export function useClassification() {
  const { state: stats, reload } = useOperation('records.stats', {});
  const reclassify = useJob('classification.run');
  useOnFinished(reclassify.state, reload);
  const onSaved = useCallback(() => reload(), [reload]);
  return { stats, reload, reclassify, onSaved };
}

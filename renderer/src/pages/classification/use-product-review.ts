// The product review's model: the vault's distinct product/service values (unmatched ones only, or all),
// the rows ticked, and filing values under a category (one value, or every ticked one at once) as a job
// that stores the choice as product rules and reclassifies; the list and the page's counts are read again
// once it has finished.
import { useCallback, useState } from 'react';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';

export function useProductReview(onFiled: () => void) {
  const [unmatchedOnly, setUnmatchedOnly] = useState(false);
  const { state: list, reload } = useOperation('classification.products', { limit: 1000, unmatchedOnly });
  const [selected, setSelected] = useState<string[]>([]);
  const filing = useJob('classification.fileProducts');
  const finished = useCallback(() => {
    setSelected([]);
    reload();
    onFiled();
  }, [reload, onFiled]);
  useOnFinished(filing.state, finished);

  /** Files the values under the category (null: back to the rules and the taxonomy). */
  const file = (values: string[], category: string | null) => {
    if (values.length > 0) filing.start({ values, category });
  };

  return {
    list,
    reload,
    unmatchedOnly,
    setUnmatchedOnly,
    selected,
    setSelected,
    filing,
    busy: filing.state.status === 'running',
    file,
  };
}

// A count that opens the Records page filtered to the records it counts (plain text when there is no
// such filter, or nothing to open).
import type { RecordFilter } from '../../../shared/records';
import { currentLang } from '../i18n';
import { formatNumber } from '../i18n/format';
import { recordsHref } from '../pages/records/filter-hash';

export function CountLink({ n, filter, testId }: { n: number; filter: RecordFilter | null; testId: string }) {
  const text = formatNumber(currentLang(), n);
  if (!filter || n === 0)
    return (
      <span data-testid={testId} data-count={n}>
        {text}
      </span>
    );
  return (
    <a href={recordsHref(filter)} data-testid={testId} data-count={n}>
      {text}
    </a>
  );
}

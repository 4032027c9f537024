// What the stale rule measures from, beside the years in the rules editor: the closure decision date (or
// today while none is set), the years of the draft, the day a last order must be before, and why.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { staleReference, type StaleReference as Reference } from '../../../../shared/classification/stale';

export function StaleReference({ applied, years }: { applied: Reference; years: number }) {
  const { t } = useTranslation();
  // The draft's years, measured from the date the engine uses.
  const shown = staleReference(applied.source === 'decision' ? applied.date : null, applied.date, years);
  return (
    <div data-testid="rules-stale-reference" style={{ marginBottom: 16 }}>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="rules-stale-from">
        {t(`classification.rules.staleFrom.${shown.source}`, {
          before: shown.before,
          years: shown.years,
          date: shown.date,
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="rules-stale-reason">
        {t('classification.rules.staleFrom.reason')}
      </Typography.Paragraph>
    </div>
  );
}

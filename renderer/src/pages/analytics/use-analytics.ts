// The Analytics page's model: the chosen dimensions, k, period and objectors' exclusion, the suppressed
// table the engine answers with, and the exports (table as CSV / XLSX / PDF, the de-identified extract)
// into a file the person chooses.
import { useState } from 'react';
import type { AnalyticsDimension, ExtractField, Period } from '../../../../shared/analytics/dimensions';
import type { AnalyticsExportResult, AnalyticsExtractResult } from '../../../../shared/contract';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useOperation } from '../../hooks/use-operation';
import { currentLang } from '../../i18n';
import { api } from '../../platform/api';

export type TableFormat = 'csv' | 'xlsx' | 'pdf';

export function useAnalytics() {
  const [by, setBy] = useState<AnalyticsDimension[]>(['type', 'province']);
  const [k, setK] = useState(5);
  const [period, setPeriod] = useState<Period>('year');
  const [excludeObjected, setExcludeObjected] = useState(true);
  const [fields, setFields] = useState<ExtractField[]>(['type', 'province', 'age']);
  const [exported, setExported] = useState<AnalyticsExportResult | null>(null);
  const [extracted, setExtracted] = useState<AnalyticsExtractResult | null>(null);
  const query = { by: by.length > 0 ? by : (['type'] as AnalyticsDimension[]), k, period, excludeObjected };
  const table = useOperation('analytics.table', query);
  const chooser = useChooseFile();

  const exportAs = async (format: TableFormat) => {
    setExported(null);
    const done = await chooser.chooseAndCall({ purpose: 'analytics-export', kind: 'save' }, (file) =>
      api.call('analytics.export', {
        ...query,
        format,
        headers: currentLang(),
        file: { handle: file.handle },
      }),
    );
    if (done) setExported(done);
  };

  const extract = async () => {
    setExtracted(null);
    const done = await chooser.chooseAndCall({ purpose: 'analytics-extract', kind: 'save' }, (file) =>
      api.call('analytics.extract', { fields, k, excludeObjected, file: { handle: file.handle } }),
    );
    if (done) setExtracted(done);
  };

  return {
    query,
    setBy,
    setK,
    setPeriod,
    setExcludeObjected,
    fields,
    setFields,
    state: table.state,
    error: chooser.error,
    busy: chooser.choosing || chooser.calling,
    exportAs,
    exported,
    extract,
    extracted,
  };
}

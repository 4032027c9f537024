// The compliance report: the regimes to include, then PDF (Chinese and English), JSON and its signature
// written into a folder the person chooses.
import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIMES, type Regime } from '../../../../../shared/contract';
import { REGIME_TEXT } from '../../../../../shared/compliance/labels';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useBi } from '../../../i18n/bilingual';
import { baseName } from '../../../i18n/format';
import { api } from '../../../platform/api';
import { useWritten } from '../use-written';

export function ReportCard() {
  const { t } = useTranslation();
  const bi = useBi();
  const [regimes, setRegimes] = useState<Regime[]>([...REGIMES]);
  const { busy, error, files, write } = useWritten();
  const exportReport = () =>
    write(
      { kind: 'folder', purpose: 'compliance' },
      (dir) => api.call('compliance.report', { dir: { handle: dir.handle }, regimes }),
      (v) => [v.pdf, v.json, v.signature],
    );
  return (
    <Card size="small" title={t('compliance.evidence.reportTitle')} data-testid="report-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('compliance.evidence.reportHint')}</Typography.Text>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('compliance.evidence.regimes')}</Typography.Text>
          <Checkbox.Group
            value={regimes}
            onChange={(v) => setRegimes(v)}
            options={REGIMES.map((r) => ({ value: r, label: bi(REGIME_TEXT[r]) }))}
          />
        </Flex>
        <div>
          <Button
            type="primary"
            loading={busy}
            disabled={regimes.length === 0}
            onClick={() => void exportReport()}
            data-testid="report-export"
          >
            {t('compliance.evidence.exportReport')}
          </Button>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {files ? (
          <Flex vertical>
            <Typography.Text>{t('compliance.evidence.reportWritten')}</Typography.Text>
            {files.map((f) => (
              <Typography.Text code key={f} data-testid="report-file">
                {baseName(f)}
              </Typography.Text>
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

// Checking an evidence pack someone hands over: its envelope, signature, tar and every file of the bag,
// naming what changed.
import { Alert, Button, Card, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useJob } from '../../../hooks/use-job';
import type { ErrorValue } from '../../../platform/api';
import { chooseFile } from '../../../platform/dialogs';

export function VerifyCard() {
  const { t } = useTranslation();
  const job = useJob('evidence.verify');
  const [error, setError] = useState<ErrorValue | null>(null);
  const result = job.state.status === 'finished' ? job.state.value : undefined;

  const verify = async () => {
    setError(null);
    const chosen = await chooseFile({ kind: 'open', purpose: 'evidence-pack' });
    if (!chosen.ok) return setError(chosen.error);
    if (chosen.value) job.start({ pack: { handle: chosen.value.handle } });
  };

  return (
    <Card size="small" title={t('compliance.evidence.verifyTitle')} data-testid="verify-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('compliance.evidence.verifyHint')}</Typography.Text>
        <div>
          <Button
            onClick={() => void verify()}
            loading={job.state.status === 'running'}
            data-testid="pack-verify"
          >
            {t('compliance.evidence.verify')}
          </Button>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
        {result ? (
          <Alert
            data-testid="verify-result"
            data-ok={String(result.ok)}
            type={result.ok ? 'success' : 'error'}
            showIcon
            message={result.ok ? t('compliance.evidence.sound') : t('compliance.evidence.notSound')}
            description={
              <Flex vertical gap={4}>
                {result.signer ? (
                  <Typography.Text>
                    {result.signer.subject} · SHA-256 {result.signer.fingerprintSha256}
                  </Typography.Text>
                ) : null}
                {result.signer?.pinnedTo === 'pack' ? (
                  <Typography.Text type="warning">{t('compliance.evidence.pinnedToPack')}</Typography.Text>
                ) : null}
                {result.problems.length ? (
                  <List
                    size="small"
                    dataSource={result.problems}
                    renderItem={(p) => (
                      <List.Item data-testid="verify-problem">
                        <Typography.Text code>{p.file}</Typography.Text> {p.problem}: {p.detail}
                      </List.Item>
                    )}
                  />
                ) : null}
              </Flex>
            }
          />
        ) : null}
      </Flex>
    </Card>
  );
}

// Building the evidence pack: optionally encrypted to a certificate, optionally with the record list
// (personal data, only when asked), written into a folder the person chooses, a copy archived.
import { Alert, Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useJob } from '../../../hooks/use-job';
import { currentLang } from '../../../i18n';
import { baseName, formatDate } from '../../../i18n/format';
import type { ErrorValue } from '../../../platform/api';
import { chooseFile } from '../../../platform/dialogs';

export function PackCard({ allowed }: { allowed: boolean }) {
  const { t } = useTranslation();
  const job = useJob('evidence.pack');
  const [certificate, setCertificate] = useState<ChosenFile | null>(null);
  const [includeRecordList, setInclude] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const running = job.state.status === 'running';
  const pack = job.state.status === 'finished' ? job.state.value : undefined;

  const pickCertificate = async () => {
    const chosen = await chooseFile({ kind: 'open', purpose: 'recipient-certificate' });
    if (!chosen.ok) return setError(chosen.error);
    setCertificate(chosen.value);
  };
  const build = async () => {
    setError(null);
    const dir = await chooseFile({ kind: 'folder', purpose: 'evidence-pack' });
    if (!dir.ok) return setError(dir.error);
    if (!dir.value) return;
    job.start({
      dir: { handle: dir.value.handle },
      includeRecordList,
      archive: true,
      ...(certificate ? { encryptTo: { handle: certificate.handle } } : {}),
    });
  };

  return (
    <Card size="small" title={t('compliance.evidence.packTitle')} data-testid="pack-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('compliance.evidence.packHint')}</Typography.Text>
        <Flex gap={8} align="center">
          <Typography.Text>{t('compliance.evidence.encryptTo')}</Typography.Text>
          <Button size="small" onClick={() => void pickCertificate()} data-testid="pack-certificate">
            {t('compliance.evidence.chooseCertificate')}
          </Button>
          {certificate ? <Typography.Text code>{certificate.name}</Typography.Text> : null}
        </Flex>
        <Checkbox
          checked={includeRecordList}
          onChange={(e) => setInclude(e.target.checked)}
          data-testid="pack-include-records"
        >
          {t('compliance.evidence.includeRecordList')}
        </Checkbox>
        {includeRecordList ? (
          <Alert type="warning" showIcon message={t('compliance.evidence.includeWarning')} />
        ) : null}
        <div>
          <Button
            type="primary"
            disabled={!allowed}
            loading={running}
            onClick={() => void build()}
            data-testid="pack-build"
          >
            {t('compliance.evidence.buildPack')}
          </Button>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
        {pack ? (
          <Flex vertical data-testid="pack-result">
            <Typography.Text>
              {t('compliance.evidence.packBuilt')}{' '}
              <Typography.Text code data-testid="pack-file">
                {baseName(pack.path)}
              </Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">
              SHA-256 {pack.sha256} · {pack.signer.subject}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('compliance.evidence.keepUntil', { date: formatDate(currentLang(), pack.keepUntil) })}
              {pack.archived ? ` · ${t('compliance.evidence.archived')}` : ''}
            </Typography.Text>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

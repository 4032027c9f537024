// The warning while the vault's recovery key is not confirmed as stored: save the recovery sheet again,
// then confirm it is kept safe (owners).
import { CheckOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultDetails } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../hooks/use-call';
import { useRecoverySheet } from '../../hooks/use-recovery-sheet';
import { useSession } from '../../session/session-context';

export function RecoveryKeyWarning({
  details,
  onConfirmed,
}: {
  details: VaultDetails;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const sheet = useRecoverySheet(details.clientName);
  const { run, busy: confirming, error } = useCall();
  const confirm = async () => {
    if (await run('vault.confirmRecoveryKey', {})) onConfirmed();
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="recovery-unconfirmed"
      title={t('overview.recoveryNotConfirmed')}
      description={
        <Flex vertical gap={12}>
          <span>{t('overview.recoveryNotConfirmedBody')}</span>
          {can('vault.confirmRecoveryKey') ? (
            <Space wrap>
              <Button icon={<FilePdfOutlined />} loading={sheet.saving} onClick={() => void sheet.save()}>
                {t('create.saveSheet')}
              </Button>
              <Button icon={<CheckOutlined />} loading={confirming} onClick={() => void confirm()}>
                {t('overview.confirmStored')}
              </Button>
              {sheet.saved ? (
                <Typography.Text type="success">
                  {t('create.sheetSaved', { name: sheet.saved })}
                </Typography.Text>
              ) : null}
            </Space>
          ) : null}
          {sheet.error ? <ErrorAlert error={sheet.error} title={t('create.sheetFailed')} /> : null}
          {error ? <ErrorAlert error={error} /> : null}
        </Flex>
      }
    />
  );
}

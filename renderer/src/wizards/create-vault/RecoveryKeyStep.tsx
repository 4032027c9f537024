// The last step: the recovery key, shown once, the recovery sheet (PDF) and the person's word that the
// key is stored before the wizard may finish. The key lives only in the wizard's state.
import { CheckOutlined, FilePdfOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, theme, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecoveryKeyDisplay } from '../../components/RecoveryKeyDisplay';
import { useRecoverySheet } from '../../hooks/use-recovery-sheet';
import { useCall } from '../../hooks/use-call';

export function RecoveryKeyStep({
  recoveryKey,
  clientName,
  onFinished,
}: {
  recoveryKey: string;
  clientName: string;
  onFinished: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [stored, setStored] = useState(false);
  const sheet = useRecoverySheet(clientName);
  const { run, busy: finishing, error: finishError } = useCall();

  const finish = async () => {
    if (await run('vault.confirmRecoveryKey', {})) onFinished();
  };

  return (
    <Flex vertical gap={20} data-testid="recovery-step">
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined />}
        title={<strong>{t('create.recoveryOnce')}</strong>}
        description={t('create.recoveryExplain')}
      />
      <Flex vertical gap={8}>
        <RecoveryKeyDisplay recoveryKey={recoveryKey} />
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {t('create.recoveryFormat')}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={12} wrap>
        <Button
          icon={<FilePdfOutlined />}
          onClick={() => void sheet.save()}
          loading={sheet.saving}
          data-testid="save-recovery-sheet"
        >
          {t('create.saveSheet')}
        </Button>
        {sheet.saved ? (
          <Typography.Text type="success" data-testid="recovery-sheet-saved">
            <CheckOutlined /> {t('create.sheetSaved', { name: sheet.saved })}
          </Typography.Text>
        ) : null}
      </Flex>
      {sheet.error ? <ErrorAlert error={sheet.error} title={t('create.sheetFailed')} /> : null}
      {finishError ? <ErrorAlert error={finishError} title={t('create.finishFailed')} /> : null}
      <Flex
        justify="space-between"
        align="center"
        gap={16}
        wrap
        style={{ paddingTop: 16, borderTop: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Checkbox
          checked={stored}
          onChange={(event) => setStored(event.target.checked)}
          data-testid="recovery-stored"
        >
          {t('create.stored')}
        </Checkbox>
        <Button
          type="primary"
          disabled={!stored}
          loading={finishing}
          onClick={() => void finish()}
          data-testid="wizard-finish"
        >
          {t('create.finish')}
        </Button>
      </Flex>
    </Flex>
  );
}

// Step 9: the recipient's signed receipt over the package digest; importing it (verified) closes the
// handover: the records become TRANSFERRED, the Dashboard stage advances, the wipe is offered.
import { Alert, Button, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptImported } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { chooseFile } from '../../platform/dialogs';
import { useAction, type StepProps } from './use-handover';

export function ReceiptStep({ detail, onChanged }: StepProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [done, setDone] = useState<ReceiptImported | null>(null);

  const importReceipt = async () => {
    const picked = await chooseFile({ kind: 'open', purpose: 'handover-receipt' });
    if (!picked.ok || !picked.value) return;
    const result = await action.run('handover.receiptImport', {
      handoverId: detail.handoverId,
      receipt: { handle: picked.value.handle },
    });
    if (!result) return;
    setDone(result);
    onChanged();
  };

  return (
    <>
      <Typography.Paragraph>{t('handover.receipt.hint')}</Typography.Paragraph>
      <List
        size="small"
        header={t('handover.receipt.transfers')}
        dataSource={detail.transfers}
        data-testid="handover-transfers"
        renderItem={(x) => (
          <List.Item data-received={String(!!x.receivedAt)}>
            {x.file} · {x.records} · SHA-256 {x.sha256.slice(0, 16)}…{' '}
            {x.receiptSigner ? `· ${x.receiptSigner}` : ''}
          </List.Item>
        )}
      />
      {detail.state === 'packaged' ? (
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          onClick={() => void importReceipt()}
          loading={action.busy}
          data-testid="handover-receipt-import"
        >
          {t('handover.receipt.import')}
        </Button>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {done || detail.state === 'closed' ? (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          data-testid="handover-closed"
          title={
            done ? t('handover.receipt.closed', { records: done.records }) : t('handover.list.state.closed')
          }
          description={
            <>
              {done ? <div>{t('handover.receipt.signer', { subject: done.signer.subject })}</div> : null}
              <Typography.Link onClick={() => navigateTo('wipe')}>
                {t('handover.receipt.wipe')}
              </Typography.Link>
            </>
          }
        />
      ) : null}
    </>
  );
}

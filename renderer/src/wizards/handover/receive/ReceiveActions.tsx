// After a package verified: sign and save the receipt with the kit's key (the sender imports it to close
// the handover; a password-only package has no key to sign with), and import the records into a new
// vault owned by the person here (handover.open again, with a target: it verifies everything anew).
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile, PackageOpened, ReceiptWritten } from '../../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useJob } from '../../../hooks/use-job';
import { chooseFile, safeFileName } from '../../../platform/dialogs';
import { useSession } from '../../../session/session-context';
import { useAction } from '../use-handover';
import { ChosenFileRow, type Credential } from './OpenForm';

const fileOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function ReceiveActions({ credential, opened }: { credential: Credential; opened: PackageOpened }) {
  const { t } = useTranslation();
  const session = useSession();
  const action = useAction();
  const job = useJob('handover.open');
  const [receipt, setReceipt] = useState<ReceiptWritten | null>(null);
  const [target, setTarget] = useState<ChosenFile | null>(null);
  const [owner, setOwner] = useState({ name: '', passphrase: '' });

  const sign = async () => {
    const name = `receipt-${safeFileName(opened.bagInfo['External-Identifier'] ?? '', 'handover')}.p7s`;
    const picked = await chooseFile({ kind: 'save', purpose: 'handover-receipt', suggestedName: name });
    if (!picked.ok || !picked.value) return;
    const written = await action.run('handover.receiptCreate', {
      package: credential.package,
      ...(credential.pkcs12 ? { pkcs12: credential.pkcs12 } : {}),
      password: credential.password,
      out: { handle: picked.value.handle },
    });
    if (written) setReceipt(written);
  };

  const chooseTarget = async () => {
    const picked = await chooseFile({ kind: 'save', purpose: 'vault' });
    if (picked.ok && picked.value) setTarget(picked.value);
  };

  const importInto = () => {
    if (!target) return;
    job.start({ ...credential, to: { handle: target.handle }, owner });
  };
  const imported = job.state.status === 'finished' ? job.state.value?.vault : undefined;
  const { opened: sessionOpened } = session;
  useEffect(() => {
    if (imported) sessionOpened(imported.session);
  }, [imported, sessionOpened]);

  return (
    <>
      {credential.pkcs12 ? (
        <Card title={t('handover.receive.receiptTitle')} style={{ marginBottom: 24 }}>
          <Typography.Paragraph>{t('handover.receive.receiptHint')}</Typography.Paragraph>
          <Button onClick={() => void sign()} loading={action.busy} data-testid="receive-receipt">
            {t('handover.receive.receipt')}
          </Button>
          {action.error ? <ErrorAlert error={action.error} /> : null}
          {receipt ? (
            <Alert
              type="success"
              style={{ marginTop: 16 }}
              data-testid="receive-receipt-written"
              title={t('handover.receive.receiptWritten', { file: fileOf(receipt.path) })}
            />
          ) : null}
        </Card>
      ) : null}
      <Card title={t('handover.receive.importTitle')}>
        <Flex vertical gap={12} style={{ maxWidth: 480 }}>
          <ChosenFileRow
            label={t('handover.receive.vaultFile')}
            chosen={target ? t('handover.receive.vaultChosen', { file: target.name }) : null}
            onClick={() => void chooseTarget()}
            testId="receive-vault"
          />
          <Input
            placeholder={t('handover.receive.ownerName')}
            value={owner.name}
            onChange={(e) => setOwner({ ...owner, name: e.target.value })}
            data-testid="receive-owner-name"
          />
          <Input.Password
            placeholder={t('handover.receive.ownerPassphrase')}
            value={owner.passphrase}
            autoComplete="new-password"
            onChange={(e) => setOwner({ ...owner, passphrase: e.target.value })}
            data-testid="receive-owner-passphrase"
          />
          <div>
            <Button
              type="primary"
              disabled={!target || !owner.name.trim() || !owner.passphrase}
              loading={job.state.status === 'running'}
              onClick={importInto}
              data-testid="receive-import"
            >
              {t('handover.receive.import')}
            </Button>
          </div>
          {job.state.status !== 'idle' ? (
            <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
          ) : null}
          {job.state.status === 'finished' && job.state.error ? <ErrorAlert error={job.state.error} /> : null}
          {imported ? (
            <Alert
              type="success"
              data-testid="receive-imported"
              data-imported={imported.imported}
              title={t('handover.receive.imported', {
                imported: imported.imported,
                file: fileOf(imported.path),
              })}
            />
          ) : null}
        </Flex>
      </Card>
    </>
  );
}

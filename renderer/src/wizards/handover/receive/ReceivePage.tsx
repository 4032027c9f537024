// The recipient's side of a handover, with or without a vault of its own: open a package (the kit's
// PKCS#12 and its password, or the package password), see what it holds once the sender's signature and
// the bag verify, sign and save the receipt, and import the records into a new vault. The window holds
// file handles and the password field only; the engine reads the files and keeps every key.
import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageOpened } from '../../../../../shared/contract';
import { PageHeader } from '../../../components/PageHeader';
import { OpenForm, type Credential } from './OpenForm';
import { OpenedSummary } from './OpenedSummary';
import { ReceiveActions } from './ReceiveActions';

export function ReceivePage() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<{ credential: Credential; value: PackageOpened } | null>(null);
  return (
    <>
      <PageHeader title={t('handover.receive.title')} subtitle={t('handover.receive.subtitle')} />
      <Card style={{ marginBottom: 24 }}>
        <OpenForm
          onOpened={(credential, value) => setOpened({ credential, value })}
          onChanged={() => setOpened(null)}
        />
      </Card>
      {opened ? (
        <>
          <OpenedSummary opened={opened.value} />
          <ReceiveActions credential={opened.credential} opened={opened.value} />
        </>
      ) : null}
    </>
  );
}

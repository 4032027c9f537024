// Backups of the open vault: back up now into a chosen folder (a job), the list of copies with their last
// verification and drills, and per copy Verify, Restore drill (with a signed certificate written to a
// chosen folder) and Restore (jobs); listed copies are named by id, never by path. Retention (owners) with
// a dry-run preview; restore into a new vault file. A failed check is loud: an error Alert that stays,
// and a Modal. The page's data and actions are its model (backup/use-backups.ts); the cards render it.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { ActionCard } from './backup/ActionCard';
import { BackupList } from './backup/BackupList';
import { CreateCard } from './backup/CreateCard';
import { PruneCard } from './backup/PruneCard';
import { RestorePanel } from './backup/RestorePanel';
import type { RestoreSource } from './backup/use-restore';
import { useBackups } from './backup/use-backups';

function About() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      icon={<InfoCircleOutlined />}
      data-testid="backup-about"
      title={t('backup.about.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          <li>{t('backup.about.encrypted')}</li>
          <li>{t('backup.about.noPassphrases')}</li>
          <li>{t('backup.about.separateDisk')}</li>
        </ul>
      }
    />
  );
}

function Backups({ onRestore }: { onRestore: (source: RestoreSource) => void }) {
  const { t } = useTranslation();
  const model = useBackups();
  return (
    <Flex vertical gap={24}>
      <About />
      <CreateCard model={model} />
      {model.error ? <ErrorAlert error={model.error} title={t('backup.actionFailed')} /> : null}
      <ActionCard model={model} />
      <BackupList model={model} onRestore={onRestore} />
      {model.mayPrune ? <PruneCard onPruned={model.list.reload} /> : null}
    </Flex>
  );
}

export function BackupPage() {
  const { t } = useTranslation();
  const [restoreSource, setRestoreSource] = useState<RestoreSource | null>(null);
  return (
    <>
      <PageHeader title={t('backup.title')} subtitle={t('backup.subtitle')} />
      <Flex vertical gap={24}>
        <RequireSession>{() => <Backups onRestore={setRestoreSource} />}</RequireSession>
        <RestorePanel source={restoreSource} onSource={setRestoreSource} />
      </Flex>
    </>
  );
}

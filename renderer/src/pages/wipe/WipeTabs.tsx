// The Wipe page's parts while a vault is open: destroy records, wipe the whole vault (owners), the paper
// and cloud logs, and the certificates issued.
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOperation } from '../../hooks/use-operation';
import { useSession } from '../../session/session-context';
import { RecordsWipeWizard } from '../../wizards/wipe/RecordsWipeWizard';
import { VaultWipeWizard } from '../../wizards/wipe/VaultWipeWizard';
import { CloudLog } from './CloudLog';
import { PaperLog } from './PaperLog';
import { WipeHistory } from './WipeHistory';

type Tab = 'records' | 'vault' | 'paper' | 'cloud' | 'certificates';

export function WipeTabs({ onVaultWipe }: { onVaultWipe: (input: OpInput<'wipe.vault'>) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [tab, setTab] = useState<Tab>('records');
  const [round, setRound] = useState(0);
  const logs = useOperation('wipe.logs', {});
  const reload = () => logs.reload();
  const value = logs.state.status === 'ok' ? logs.state.value : { paper: [], cloud: [], wipes: [] };
  const items = [
    can('wipe.records')
      ? {
          key: 'records',
          label: <span data-testid="wipe-tab-records">{t('wipe.tabs.records')}</span>,
          children: <RecordsWipeWizard key={round} onFinished={() => (setRound((r) => r + 1), reload())} />,
        }
      : null,
    can('wipe.vault')
      ? {
          key: 'vault',
          label: <span data-testid="wipe-tab-vault">{t('wipe.tabs.vault')}</span>,
          children: (
            <VaultWipeWizard key={`v${round}`} onStart={onVaultWipe} onPaperLog={() => setTab('paper')} />
          ),
        }
      : null,
    can('wipe.logPaper')
      ? {
          key: 'paper',
          label: <span data-testid="wipe-tab-paper">{t('wipe.tabs.paper')}</span>,
          children: <PaperLog entries={value.paper} onLogged={() => (reload(), setRound((r) => r + 1))} />,
        }
      : null,
    can('wipe.logCloud')
      ? {
          key: 'cloud',
          label: <span data-testid="wipe-tab-cloud">{t('wipe.tabs.cloud')}</span>,
          children: <CloudLog entries={value.cloud} onLogged={reload} />,
        }
      : null,
    {
      key: 'certificates',
      label: <span data-testid="wipe-tab-certificates">{t('wipe.tabs.certificates')}</span>,
      children: <WipeHistory wipes={value.wipes} />,
    },
  ].filter((i) => i !== null);
  return (
    <Card>
      {logs.state.status === 'error' ? <ErrorAlert error={logs.state.error} /> : null}
      <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)} items={items} destroyOnHidden={false} />
    </Card>
  );
}

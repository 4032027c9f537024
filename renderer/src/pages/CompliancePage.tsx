// The Compliance centre: one tab per feature (the closure plan, checklists, impact assessments, the record
// of processing, risks, people and training, reports and the evidence pack). The tab is in the address
// (#/compliance/<tab>), so a reload stays on it.
import { Card, Tabs } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { AssessmentsTab } from './compliance/assessments/AssessmentsTab';
import { ChecklistsTab } from './compliance/checklists/ChecklistsTab';
import { EvidenceTab } from './compliance/evidence/EvidenceTab';
import { PeopleTab } from './compliance/people/PeopleTab';
import { PlanTab } from './compliance/plan/PlanTab';
import { ProcessingTab } from './compliance/processing/ProcessingTab';
import { RisksTab } from './compliance/risks/RisksTab';

const TABS = ['plan', 'checklists', 'assessments', 'processing', 'risks', 'people', 'evidence'] as const;
type Tab = (typeof TABS)[number];

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const tabFromHash = (): Tab => {
  const part = window.location.hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return (TABS as readonly string[]).includes(part) ? (part as Tab) : 'plan';
};

const CONTENT: Record<Tab, () => React.JSX.Element> = {
  plan: PlanTab,
  checklists: ChecklistsTab,
  assessments: AssessmentsTab,
  processing: ProcessingTab,
  risks: RisksTab,
  people: PeopleTab,
  evidence: EvidenceTab,
};

export function CompliancePage() {
  const { t } = useTranslation();
  const tab = useSyncExternalStore(subscribe, tabFromHash);
  const Content = CONTENT[tab];
  return (
    <>
      <PageHeader title={t('compliance.title')} subtitle={t('compliance.subtitle')} />
      <RequireSession>
        {() => (
          <Card styles={{ body: { paddingTop: 8 } }}>
            <Tabs
              activeKey={tab}
              onChange={(key) => (window.location.hash = `#/compliance/${key}`)}
              items={TABS.map((key) => ({
                key,
                label: <span data-testid={`compliance-tab-${key}`}>{t(`compliance.tabs.${key}`)}</span>,
              }))}
            />
            <Content />
          </Card>
        )}
      </RequireSession>
    </>
  );
}

// The Incidents page: the incident register (who is affected, the notification timers per law, drafts
// zh/en, sent and decided notices, closure), the emergency plan and the drills. The register's model is
// incidents/use-incidents.ts.
import { Alert, Button, Empty, Flex, Skeleton, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentEntry } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { useSession } from '../session/session-context';
import { AddIncidentModal } from './incidents/AddIncidentModal';
import { CloseIncidentModal } from './incidents/CloseIncidentModal';
import { DrillsTab } from './incidents/DrillsTab';
import { incidentColumns } from './incidents/incident-columns';
import { NoticeModal } from './incidents/NoticeModal';
import { PlanTab } from './incidents/PlanTab';
import { useIncidents } from './incidents/use-incidents';

function Register() {
  const { t } = useTranslation();
  const { can } = useSession();
  const m = useIncidents();
  if (m.state.status === 'error') return <ErrorAlert error={m.state.error} />;
  if (m.state.status === 'loading') return <Skeleton active />;
  const columns = incidentColumns(t, {
    canAct: can('incidents.notice'),
    notice: (e) => m.setNoticeFor(e),
    close: (e) => m.setClosing(e),
  });
  return (
    <Flex vertical gap={12} data-testid="incidents-register">
      <Alert type="info" showIcon title={t('incidents.noPersonalData')} />
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {can('incidents.add') ? (
        <div>
          <Button type="primary" onClick={() => m.setAdding(true)} data-testid="incident-add">
            {t('incidents.add')}
          </Button>
        </div>
      ) : null}
      <Table<IncidentEntry>
        data-testid="incident-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={m.state.value}
        pagination={false}
        locale={{ emptyText: <Empty description={t('incidents.empty')} /> }}
      />
      <AddIncidentModal open={m.adding} busy={m.busy} onCancel={() => m.setAdding(false)} onAdd={m.add} />
      <NoticeModal
        key={m.noticeFor?.id ?? 'none'}
        incident={m.noticeFor}
        plan={m.plan}
        busy={m.busy}
        onCancel={() => m.setNoticeFor(null)}
        onDraft={m.writeDraft}
        onSent={m.markSent}
        onRecordDelay={m.recordDelay}
        onDecide={m.decide}
      />
      <CloseIncidentModal
        incident={m.closing}
        busy={m.busy}
        onCancel={() => m.setClosing(null)}
        onClose={m.close}
      />
    </Flex>
  );
}

export function IncidentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('incidents.title')} subtitle={t('incidents.subtitle')} />
      <RequireSession>
        {() => (
          <Tabs
            items={[
              { key: 'register', label: t('incidents.tabs.register'), children: <Register /> },
              { key: 'plan', label: t('incidents.tabs.plan'), children: <PlanTab /> },
              { key: 'drills', label: t('incidents.tabs.drills'), children: <DrillsTab /> },
            ]}
          />
        )}
      </RequireSession>
    </>
  );
}

// The Requests page: the register of customers' requests and complaints with their due dates, and the
// acts on each (fulfil from the vault into a chosen folder, close with the outcome). Its model is
// requests/use-requests.ts.
import { Alert, Button, Empty, Flex, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestEntry } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { useSession } from '../session/session-context';
import { AddRequestModal } from './requests/AddRequestModal';
import { CloseRequestModal } from './requests/CloseRequestModal';
import { CorrectionModal } from './requests/CorrectionModal';
import { ExtendModal } from './requests/ExtendModal';
import { requestColumns } from './requests/request-columns';
import { useRequests } from './requests/use-requests';

function Register() {
  const { t } = useTranslation();
  const { can } = useSession();
  const m = useRequests();
  if (m.state.status === 'error') return <ErrorAlert error={m.state.error} />;
  if (m.state.status === 'loading') return <Skeleton active />;
  const columns = requestColumns(t, {
    canFulfil: can('requests.fulfil'),
    canClose: can('requests.close'),
    canExtend: can('requests.extend'),
    canAcknowledge: can('requests.acknowledge'),
    busy: m.busy,
    acknowledge: (r) => void m.acknowledge(r),
    fulfil: (r) => void m.fulfil(r),
    extend: (r) => m.setExtending(r),
    close: (r) => m.setClosing(r),
  });
  return (
    <Flex vertical gap={12} data-testid="requests-register">
      <Alert type="info" showIcon title={t('requests.noPersonalData')} />
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {can('requests.add') ? (
        <div>
          <Button type="primary" onClick={() => m.setAdding(true)} data-testid="request-add">
            {t('requests.add')}
          </Button>
        </div>
      ) : null}
      <Table<RequestEntry>
        data-testid="request-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={m.state.value}
        pagination={false}
        locale={{ emptyText: <Empty description={t('requests.empty')} /> }}
      />
      <AddRequestModal open={m.adding} busy={m.busy} onCancel={() => m.setAdding(false)} onAdd={m.add} />
      <CorrectionModal
        request={m.correcting}
        busy={m.busy}
        onCancel={() => m.setCorrecting(null)}
        onFulfil={m.fulfil}
      />
      <ExtendModal
        request={m.extending}
        busy={m.busy}
        onCancel={() => m.setExtending(null)}
        onExtend={m.extend}
      />
      <CloseRequestModal
        request={m.closing}
        busy={m.busy}
        onCancel={() => m.setClosing(null)}
        onClose={m.close}
      />
    </Flex>
  );
}

export function RequestsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('requests.title')} subtitle={t('requests.subtitle')} />
      <RequireSession>{() => <Register />}</RequireSession>
    </>
  );
}

// The audit log of the open vault: entries with filters and paging, chain verification (a job), and the
// export for auditors (CSV + signed JSON + certificate + signed checkpoints) into a chosen folder. The
// log's data is its model (audit/use-audit.ts); verification and export are cards of their own.
import { Button, Card, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { auditColumns } from './audit/audit-columns';
import { AuditFilters } from './audit/AuditFilters';
import { ExportCard } from './audit/ExportCard';
import { useAudit } from './audit/use-audit';
import { VerifyCard } from './audit/VerifyCard';

function AuditLog() {
  const { t } = useTranslation();
  const model = useAudit();
  const { log } = model;

  return (
    <Flex vertical gap={24}>
      <Flex gap={24} align="stretch" wrap>
        <div style={{ flex: '1 1 320px' }}>
          <VerifyCard />
        </div>
        <div style={{ flex: '1 1 320px' }}>
          <ExportCard onExported={log.reload} />
        </div>
      </Flex>
      <Card data-testid="audit-log">
        <AuditFilters model={model} />
        {log.status === 'loading' ? (
          <Skeleton active />
        ) : log.status === 'error' && log.error ? (
          <ErrorAlert error={log.error} />
        ) : log.entries.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('audit.empty')}
            data-testid="audit-empty"
          />
        ) : (
          <Flex vertical gap={12}>
            <Table<AuditEntryView>
              data-testid="audit-table"
              rowKey="seq"
              size="small"
              columns={auditColumns(t)}
              dataSource={log.entries}
              pagination={false}
              tableLayout="fixed"
            />
            {log.error ? <ErrorAlert error={log.error} /> : null}
            <Flex justify="space-between" align="center">
              <Typography.Text type="secondary" data-testid="audit-count">
                {t('audit.shown', { count: log.entries.length })}
              </Typography.Text>
              {log.more ? (
                <Button onClick={log.loadOlder} loading={log.loadingOlder} data-testid="audit-load-older">
                  {t('audit.loadOlder')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('audit.allShown')}</Typography.Text>
              )}
            </Flex>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <RequireSession>{() => <AuditLog />}</RequireSession>
    </>
  );
}

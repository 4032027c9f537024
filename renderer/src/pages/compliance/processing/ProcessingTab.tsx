// The record of processing activities (GDPR Art. 30 / PIPL-style register) from what the vault did, and
// the retention schedule with what has passed its end date.
import { Alert, Button, Descriptions, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UiMessages } from '../../../i18n/zh-CN';
import type { ProcessingActivity, Ropa } from '../../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOperation } from '../../../hooks/use-operation';
import { useBi } from '../../../i18n/bilingual';
import { baseName } from '../../../i18n/format';
import { api } from '../../../platform/api';
import { useWritten } from '../use-written';
import { RetentionTable } from './RetentionTable';

const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export function ProcessingTab() {
  const { t } = useTranslation();
  const bi = useBi();
  const { state } = useOperation('ropa.get', {});
  const written = useWritten();
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  if (state.status === 'loading') return <Skeleton active />;
  const ropa: Ropa = state.value;
  const col = (key: keyof UiMessages['compliance']['processing']['columns']) =>
    t(`compliance.processing.columns.${key}`);
  const src = (key: keyof UiMessages['compliance']['processing']['sourceColumns']) =>
    t(`compliance.processing.sourceColumns.${key}`);
  return (
    <Flex vertical gap={12} data-testid="processing-tab">
      <Typography.Text strong>{t('compliance.processing.ropaTitle')}</Typography.Text>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('compliance.processing.controller')}>
          {ropa.controller.name} {ropa.controller.creditCode ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('compliance.processing.custodian')}>
          {ropa.custodian ? ropa.custodian.name : t('compliance.processing.noCustodian')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('compliance.processing.activitiesTitle')}</Typography.Text>
      <Table<ProcessingActivity>
        data-testid="ropa-activities"
        size="small"
        rowKey="op"
        pagination={false}
        dataSource={ropa.activities}
        columns={[
          { title: col('activity'), key: 'a', render: (_: unknown, a) => bi(a.label) },
          { title: col('first'), dataIndex: 'first', render: (v: string) => v.slice(0, 10) },
          { title: col('last'), dataIndex: 'last', render: (v: string) => v.slice(0, 10) },
          { title: col('times'), dataIndex: 'times' },
          { title: col('counts'), dataIndex: 'counts', render: counts },
        ]}
      />
      <Typography.Text strong>{t('compliance.processing.sourcesTitle')}</Typography.Text>
      <Table
        size="small"
        rowKey="sha256"
        pagination={false}
        dataSource={ropa.sources}
        columns={[
          { title: src('name'), dataIndex: 'name' },
          { title: src('imported'), dataIndex: 'importedAt', render: (v: string) => v.slice(0, 10) },
          { title: src('rows'), key: 'r', render: (_: unknown, s) => `${s.imported} / ${s.quarantined}` },
          {
            title: src('deleted'),
            dataIndex: 'sourceDeletedAt',
            render: (v: string | null) => v?.slice(0, 10) ?? '—',
          },
        ]}
      />
      <Typography.Text strong>{t('compliance.processing.retentionTitle')}</Typography.Text>
      {ropa.retention.expired ? (
        <Alert
          type="warning"
          showIcon
          message={t('compliance.processing.expiredWarning', { n: ropa.retention.expired })}
        />
      ) : null}
      {ropa.retention.incomplete ? (
        <Alert
          type="info"
          showIcon
          message={t('compliance.processing.incompleteWarning', { n: ropa.retention.incomplete })}
        />
      ) : null}
      <RetentionTable schedule={ropa.retention} />
      <div>
        <Button
          loading={written.busy}
          onClick={() =>
            void written.write(
              { kind: 'folder', purpose: 'compliance' },
              (dir) => api.call('ropa.write', { dir: { handle: dir.handle } }),
              (v) => [v.pdf, v.csv, v.json, v.signature],
            )
          }
          data-testid="ropa-write"
        >
          {t('compliance.processing.write')}
        </Button>
      </div>
      {written.error ? <ErrorAlert error={written.error} /> : null}
      {written.files ? (
        <Typography.Text>
          {t('compliance.processing.written')}{' '}
          <Typography.Text code>{written.files.map(baseName).join(', ')}</Typography.Text>
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

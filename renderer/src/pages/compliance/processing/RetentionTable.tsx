// The retention schedule: each RETAIN basis with how many records, the earliest and latest end dates,
// and how many have passed theirs.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UiMessages } from '../../../i18n/zh-CN';
import type { RetentionRow, RetentionSchedule } from '../../../../../shared/contract';

export function RetentionTable({ schedule }: { schedule: RetentionSchedule }) {
  const { t } = useTranslation();
  const col = (key: keyof UiMessages['compliance']['processing']['retentionColumns']) =>
    t(`compliance.processing.retentionColumns.${key}`);
  return (
    <Table<RetentionRow>
      data-testid="retention-table"
      size="small"
      rowKey="basis"
      pagination={false}
      dataSource={schedule.rows}
      columns={[
        { title: col('basis'), dataIndex: 'basis' },
        { title: col('records'), dataIndex: 'records' },
        { title: col('earliest'), dataIndex: 'earliest', render: (v: string | null) => v ?? '—' },
        { title: col('latest'), dataIndex: 'latest', render: (v: string | null) => v ?? '—' },
        {
          title: col('expired'),
          dataIndex: 'expired',
          render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
        },
      ]}
    />
  );
}

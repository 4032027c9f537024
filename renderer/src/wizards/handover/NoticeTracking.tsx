// The notices' tracking table: each customer's language, status and response, page by page; selected
// customers can be marked delivered or bounced (a bounced letter is a customer not yet told).
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeRow } from '../../../../shared/contract';
import type { NoticeStatus } from '../../../../shared/handover';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOperation } from '../../hooks/use-operation';
import { useAction } from './use-handover';

const PAGE = 20;

export function NoticeTracking({ handoverId, onChanged }: { handoverId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<number[]>([]);
  const action = useAction();
  const list = useOperation('handover.noticeList', { handoverId, offset: (page - 1) * PAGE, limit: PAGE });
  const rows = list.state.status === 'ok' ? list.state.value.rows : [];
  const total = list.state.status === 'ok' ? list.state.value.total : 0;

  const mark = async (status: NoticeStatus) => {
    const ok = await action.run('handover.track', { handoverId, recordIds: chosen, status });
    if (!ok) return;
    setChosen([]);
    list.reload();
    onChanged();
  };

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('handover.notices.tracking')}
      </Typography.Title>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Button
          size="small"
          disabled={!chosen.length}
          onClick={() => void mark('delivered')}
          data-testid="handover-mark-delivered"
        >
          {t('handover.notices.markDelivered')}
        </Button>
        <Button size="small" disabled={!chosen.length} onClick={() => void mark('bounced')}>
          {t('handover.notices.markBounced')}
        </Button>
      </Flex>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <Table<NoticeRow>
        size="small"
        rowKey="recordId"
        data-testid="handover-notice-table"
        dataSource={rows}
        loading={list.state.status === 'loading'}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as number[]) }}
        pagination={{ current: page, pageSize: PAGE, total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('handover.notices.columns.record'), dataIndex: 'recordId' },
          { title: t('handover.notices.columns.name'), dataIndex: 'name' },
          { title: t('handover.notices.columns.language'), dataIndex: 'language' },
          {
            title: t('handover.notices.columns.status'),
            dataIndex: 'status',
            render: (s: NoticeStatus) => <Tag data-status={s}>{t(`handover.notices.status.${s}`)}</Tag>,
          },
          {
            title: t('handover.notices.columns.response'),
            dataIndex: 'response',
            render: (r: NoticeRow['response']) => (r ? t(`handover.responses.kinds.${r}`) : ''),
          },
        ]}
      />
    </>
  );
}

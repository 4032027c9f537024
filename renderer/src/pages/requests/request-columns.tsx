// The register's columns: reference, kind and law, the customer's record, received, due (days left or
// overdue), status with what was fulfilled, and the acts a row allows.
import { Button, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { RequestEntry } from '../../../../shared/contract';

export interface RowActs {
  canFulfil: boolean;
  canClose: boolean;
  canExtend: boolean;
  canAcknowledge: boolean;
  busy: boolean;
  acknowledge: (r: RequestEntry) => void;
  fulfil: (r: RequestEntry) => void;
  extend: (r: RequestEntry) => void;
  close: (r: RequestEntry) => void;
}

function Due({ r, t }: { r: RequestEntry; t: TFunction }) {
  const left = r.daysLeft;
  return (
    <Flex vertical gap={2}>
      <span>{r.due.date}</span>
      {left === null ? null : (
        <Tag color={left < 0 ? 'red' : left <= 7 ? 'orange' : 'default'} data-testid="request-days">
          {left < 0 ? t('requests.overdue', { count: -left }) : t('requests.daysLeft', { count: left })}
        </Tag>
      )}
      {r.extension ? <Tag>{t('requests.extended')}</Tag> : null}
      {r.acknowledgement ? (
        <Tag color={r.acknowledgement.on ? 'green' : 'orange'} data-testid="request-acknowledgement">
          {r.acknowledgement.on
            ? t('requests.acknowledged', { date: r.acknowledgement.on })
            : t('requests.acknowledgeBy', { date: r.acknowledgement.due })}
        </Tag>
      ) : null}
    </Flex>
  );
}

export function requestColumns(t: TFunction, acts: RowActs): TableColumnsType<RequestEntry> {
  return [
    { title: t('requests.columns.ref'), dataIndex: 'ref', key: 'ref' },
    {
      title: t('requests.columns.kind'),
      key: 'kind',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <span>{t(`requests.kinds.${r.kind}`)}</span>
          <Typography.Text type="secondary">{t(`requests.regimes.${r.regime}`)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('requests.columns.record'),
      key: 'record',
      render: (_: unknown, r) => (r.recordId === null ? t('requests.notFound') : `#${r.recordId}`),
    },
    { title: t('requests.columns.received'), dataIndex: 'receivedOn', key: 'received' },
    { title: t('requests.columns.due'), key: 'due', render: (_: unknown, r) => <Due r={r} t={t} /> },
    {
      title: t('requests.columns.status'),
      key: 'status',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <Tag data-testid="request-status">
            {t(`requests.statuses.${r.status}`)}
            {r.outcome ? ` · ${t(`requests.outcomes.${r.outcome}`)}` : ''}
          </Tag>
          {r.fulfilment ? (
            <Typography.Text type="secondary" data-testid="request-files">
              {t('requests.fulfilled', { files: r.fulfilment.files.join(', ') })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('requests.columns.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Flex gap={8}>
          {acts.canFulfil && r.status === 'open' ? (
            <Button
              size="small"
              disabled={acts.busy}
              onClick={() => acts.fulfil(r)}
              data-testid="request-fulfil"
            >
              {t('requests.fulfil')}
            </Button>
          ) : null}
          {acts.canAcknowledge && r.acknowledgement && !r.acknowledgement.on && r.status !== 'closed' ? (
            <Button
              size="small"
              disabled={acts.busy}
              onClick={() => acts.acknowledge(r)}
              data-testid="request-acknowledge"
            >
              {t('requests.acknowledge')}
            </Button>
          ) : null}
          {acts.canExtend && r.status === 'open' && !(r.regime !== 'pipl' && r.extension) ? (
            <Button
              size="small"
              disabled={acts.busy}
              onClick={() => acts.extend(r)}
              data-testid="request-extend"
            >
              {t('requests.extend')}
            </Button>
          ) : null}
          {acts.canClose && r.status !== 'closed' ? (
            <Button
              size="small"
              disabled={acts.busy}
              onClick={() => acts.close(r)}
              data-testid="request-close"
            >
              {t('requests.close')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
}

// The register's columns: reference, kind, discovered, what was affected (records, encrypted), the
// notification timers per law and audience, status, and the acts a row allows.
import { Button, Flex, Tag, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { IncidentEntry } from '../../../../shared/contract';
import type { IncidentTimer } from '../../../../shared/incidents';

export interface RowActs {
  canAct: boolean;
  notice: (e: IncidentEntry) => void;
  close: (e: IncidentEntry) => void;
}

const COLORS: Record<IncidentTimer['state'], string> = {
  running: 'orange',
  overdue: 'red',
  sent: 'green',
  'sent-late': 'gold',
  'not-required': 'default',
  stopped: 'default',
};

export function TimerTag({ timer, t }: { timer: IncidentTimer; t: TFunction }) {
  const left =
    timer.rule === 'immediately' && (timer.state === 'running' || timer.state === 'overdue')
      ? ` · ${t('incidents.immediately')}`
      : timer.hoursLeft !== null && timer.hoursLeft >= 0
        ? ` · ${t('incidents.hoursLeft', { count: timer.hoursLeft })}`
        : '';
  return (
    <Tag color={COLORS[timer.state]} data-testid={`timer-${timer.regime}-${timer.audience}`}>
      {t(`incidents.regimes.${timer.regime}`)} → {t(`incidents.audiences.${timer.audience}`)}:{' '}
      {t(`incidents.states.${timer.state}`)}
      {left}
    </Tag>
  );
}

export function incidentColumns(t: TFunction, acts: RowActs): TableColumnsType<IncidentEntry> {
  return [
    { title: t('incidents.columns.ref'), dataIndex: 'ref', width: 80 },
    { title: t('incidents.columns.kind'), render: (_, e) => t(`incidents.kinds.${e.kind}`) },
    {
      title: t('incidents.columns.discovered'),
      render: (_, e) => e.discoveredAt.slice(0, 16).replace('T', ' '),
    },
    {
      title: t('incidents.columns.affected'),
      render: (_, e) => (
        <Flex vertical gap={2} data-testid="incident-affected">
          <span>{t('incidents.affected', { records: e.affected.records ?? '?' })}</span>
          {e.affected.encrypted ? <Tag color="blue">{t('incidents.encrypted')}</Tag> : null}
          {e.affected.keyExposed ? <Tag color="red">{t('incidents.keyExposed')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('incidents.columns.timers'),
      render: (_, e) => (
        <Flex wrap gap={4}>
          {e.timers.map((x) => (
            <TimerTag key={`${x.regime}:${x.audience}`} timer={x} t={t} />
          ))}
        </Flex>
      ),
    },
    { title: t('incidents.columns.status'), render: (_, e) => t(`incidents.statuses.${e.status}`) },
    {
      title: t('incidents.columns.actions'),
      render: (_, e) =>
        acts.canAct && e.status === 'open' ? (
          <Flex gap={4}>
            <Button size="small" onClick={() => acts.notice(e)} data-testid="incident-notice">
              {t('incidents.notice')}
            </Button>
            <Button size="small" onClick={() => acts.close(e)} data-testid="incident-close">
              {t('incidents.close')}
            </Button>
          </Flex>
        ) : null,
    },
  ];
}

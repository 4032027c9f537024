// The Dashboard's warnings: incident notification timers still running (or overdue), and no emergency
// drill in the plan's period, with a way to the Incidents page. Nothing while no vault is open.
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigateTo } from '../../app/use-hash-route';
import { useOperation } from '../../hooks/use-operation';
import { useSession } from '../../session/session-context';

function Warnings() {
  const { t } = useTranslation();
  const { state } = useOperation('incidents.status', {}, { background: true });
  if (state.status !== 'ok') return null;
  const s = state.value;
  const open = (
    <Button size="small" onClick={() => navigateTo('incidents')}>
      {t('incidents.dashboard.open')}
    </Button>
  );
  return (
    <>
      {s.running.length ? (
        <Alert
          type={s.running.some((r) => r.state === 'overdue') ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="incident-timers"
          title={t('incidents.dashboard.timers')}
          description={
            <Flex vertical gap={2}>
              {s.running.map((r) => (
                <span key={`${r.id}:${r.regime}:${r.audience}`}>
                  {t('incidents.dashboard.timer', {
                    ref: r.ref,
                    regime: t(`incidents.regimes.${r.regime}`),
                    audience: t(`incidents.audiences.${r.audience}`),
                    deadline: r.deadline
                      ? r.deadline.slice(0, 16).replace('T', ' ')
                      : t('incidents.immediately'),
                  })}
                </span>
              ))}
            </Flex>
          }
          action={open}
        />
      ) : null}
      {s.drillDue ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="incident-drill-due"
          title={t('incidents.dashboard.drillDue', { months: s.drillPeriodMonths })}
          description={t('incidents.dashboard.lastDrill', {
            date: s.lastDrill ?? t('incidents.dashboard.never'),
          })}
          action={open}
        />
      ) : null}
    </>
  );
}

export function IncidentAlerts() {
  const { session, epoch, can } = useSession();
  if (!session || !can('incidents.status')) return null;
  return <Warnings key={epoch} />;
}

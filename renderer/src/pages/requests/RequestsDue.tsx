// The Dashboard's reminder: the open vault's customer requests due within a week or overdue, and CCPA
// receipts to confirm within a week or late, with a way to the Requests page. Nothing while no vault is open (the register is inside the vault).
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigateTo } from '../../app/use-hash-route';
import { useOperation } from '../../hooks/use-operation';
import { useSession } from '../../session/session-context';

/** How far ahead the Dashboard warns, in days. */
const WARN_DAYS = 7;

function DueList() {
  const { t } = useTranslation();
  const { state } = useOperation('requests.list', { open: true }, { background: true });
  if (state.status !== 'ok') return null;
  const due = state.value.filter((r) => r.daysLeft !== null && r.daysLeft <= WARN_DAYS);
  const acks = state.value.filter(
    (r) => r.acknowledgement?.daysLeft != null && r.acknowledgement.daysLeft <= WARN_DAYS,
  );
  if (due.length === 0 && acks.length === 0) return null;
  const late = [...due.map((r) => r.daysLeft), ...acks.map((r) => r.acknowledgement?.daysLeft)];
  return (
    <Alert
      type={late.some((d) => (d ?? 0) < 0) ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="requests-due"
      title={t('requests.dashboard.title')}
      description={
        <Flex vertical gap={2}>
          {acks.map((r) => (
            <span key={`ack-${r.id}`} data-testid="requests-due-acknowledge">
              {t('requests.dashboard.acknowledgeItem', {
                ref: r.ref,
                kind: t(`requests.kinds.${r.kind}`),
                date: r.acknowledgement?.due,
              })}
            </span>
          ))}
          {due.map((r) => (
            <span key={r.id}>
              {t('requests.dashboard.item', {
                ref: r.ref,
                kind: t(`requests.kinds.${r.kind}`),
                date: r.due.date,
              })}
            </span>
          ))}
        </Flex>
      }
      action={
        <Button size="small" onClick={() => navigateTo('requests')}>
          {t('requests.dashboard.open')}
        </Button>
      }
    />
  );
}

export function RequestsDue() {
  const { session, epoch, can } = useSession();
  if (!session || !can('requests.list')) return null;
  return <DueList key={epoch} />;
}

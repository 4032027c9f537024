// Retention on the Backup page (owners): a policy, a dry-run preview of what it keeps and deletes and why,
// and only after a confirmation the real run, whose outcome says which copies were on absent disks. The
// policy and its runs are the model (use-prune.ts); the plan, copy by copy, is PrunePlan.tsx.
import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ToolCard } from '../../components/ToolCard';
import { PlanTable } from './PrunePlan';
import { usePrune } from './use-prune';

export function PruneCard({ onPruned }: { onPruned: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { policy, change, plan, busy, error, run, toDelete } = usePrune(onPruned);
  const confirm = () =>
    void modal.confirm({
      title: t('backup.prune.confirmTitle', { count: toDelete }),
      content: <span data-testid="prune-confirm-body">{t('backup.prune.confirmBody')}</span>,
      okText: t('backup.prune.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'prune-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => run(false),
    });

  return (
    <ToolCard
      icon={<DeleteOutlined />}
      title={t('backup.prune.title')}
      hint={t('backup.prune.hint')}
      testId="prune-card"
    >
      <Form layout="inline">
        <Form.Item label={t('backup.prune.keepLast')}>
          <InputNumber
            min={1}
            max={10000}
            value={policy.keepLast}
            onChange={(v) => change('keepLast', v)}
            data-testid="prune-keep-last"
          />
        </Form.Item>
        <Form.Item label={t('backup.prune.keepDaily')}>
          <InputNumber
            min={0}
            max={10000}
            value={policy.keepDaily}
            onChange={(v) => change('keepDaily', v)}
            data-testid="prune-keep-daily"
          />
        </Form.Item>
        <Form.Item label={t('backup.prune.keepMonthly')}>
          <InputNumber
            min={0}
            max={10000}
            value={policy.keepMonthly}
            onChange={(v) => change('keepMonthly', v)}
            data-testid="prune-keep-monthly"
          />
        </Form.Item>
        <Form.Item>
          <Button
            icon={<EyeOutlined />}
            onClick={() => void run(true)}
            loading={busy}
            disabled={policy.keepLast < 1}
            data-testid="prune-preview"
          >
            {t('backup.prune.preview')}
          </Button>
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
      {plan ? (
        <Flex vertical gap={8} data-testid="prune-plan" data-dry-run={String(plan.dryRun)}>
          {plan.dryRun ? (
            <Alert
              type={toDelete ? 'warning' : 'info'}
              showIcon
              data-testid="prune-summary"
              title={
                toDelete
                  ? `${t('backup.prune.previewTitle')}: ${t('backup.prune.summary', { kept: plan.kept, delete: toDelete })}`
                  : t('backup.prune.nothing')
              }
            />
          ) : (
            <Alert
              type={plan.absent ? 'warning' : 'success'}
              showIcon
              data-testid="prune-done"
              title={t('backup.prune.done', {
                deleted: plan.deleted,
                kept: plan.kept,
                absent: plan.absent,
              })}
            />
          )}
          <PlanTable plan={plan} />
          {plan.dryRun && toDelete ? (
            <div>
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={confirm}
                disabled={busy}
                data-testid="prune-apply"
              >
                {t('backup.prune.apply', { count: toDelete })}
              </Button>
            </div>
          ) : null}
        </Flex>
      ) : null}
    </ToolCard>
  );
}

// Retention on the Backup page (owners): a policy, a dry-run preview of what it keeps and deletes and why,
// and only after a confirmation the real run, whose outcome says which copies were on absent disks.
import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupPruneItem, BackupPrunePlan } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { currentLang } from '../../i18n';
import { baseName, formatDateTime } from '../../i18n/format';
import { api, type ErrorValue } from '../../platform/api';

interface Policy {
  keepLast: number;
  keepDaily: number;
  keepMonthly: number;
}

function PlanTable({ plan }: { plan: BackupPrunePlan }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const columns: TableColumnsType<BackupPruneItem> = [
    {
      title: t('backup.prune.columns.created'),
      dataIndex: 'createdAt',
      width: 160,
      render: (iso: string) => formatDateTime(lang, iso),
    },
    {
      title: t('backup.prune.columns.file'),
      dataIndex: 'path',
      render: (path: string) => (
        <Typography.Text
          style={{ fontFamily: MONOSPACE, fontSize: 12 }}
          ellipsis={{ tooltip: baseName(path) }}
        >
          {baseName(path)}
        </Typography.Text>
      ),
    },
    {
      title: t('backup.prune.columns.action'),
      key: 'action',
      width: 190,
      render: (_: unknown, item) => (
        <Space size={4} wrap data-testid="prune-row-action" data-action={item.action}>
          {item.action === 'keep' ? (
            <Tag color="green">{t('backup.prune.keep')}</Tag>
          ) : item.deleted ? (
            <Tag color="default">{t('backup.prune.deleted')}</Tag>
          ) : (
            <Tag color="red">{t('backup.prune.delete')}</Tag>
          )}
          {item.note ? (
            <Tag color="orange" data-testid="prune-row-note" data-note={item.note}>
              {item.note === 'absent' ? t('backup.prune.absent') : t('backup.prune.failed')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('backup.prune.columns.reasons'),
      dataIndex: 'reasons',
      width: 220,
      render: (reasons: BackupPruneItem['reasons']) => (
        <Space size={2} wrap>
          {reasons.map((r) => (
            <Tag key={r} color={r === 'last-verified' ? 'gold' : 'blue'}>
              {t(`backup.prune.reasons.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<BackupPruneItem>
      data-testid="prune-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={plan.items}
      pagination={false}
      tableLayout="fixed"
    />
  );
}

export function PruneCard({ onPruned }: { onPruned: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [policy, setPolicy] = useState<Policy>({ keepLast: 3, keepDaily: 7, keepMonthly: 12 });
  const [plan, setPlan] = useState<BackupPrunePlan | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (key: keyof Policy, value: number | null) => {
    setPolicy((p) => ({ ...p, [key]: value ?? 0 }));
    setPlan(null); // a preview belongs to the policy it was made with
  };

  const run = async (dryRun: boolean) => {
    setError(null);
    setBusy(true);
    const result = await api.call('backup.prune', { ...policy, dryRun });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPlan(result.value);
    if (!dryRun) onPruned();
  };

  const toDelete = plan && plan.dryRun ? plan.items.filter((i) => i.action === 'delete').length : 0;
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
    <Card
      size="small"
      title={
        <Space>
          <DeleteOutlined />
          {t('backup.prune.title')}
        </Space>
      }
      data-testid="prune-card"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('backup.prune.hint')}</Typography.Text>
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
      </Flex>
    </Card>
  );
}

// A wipe's plan as the dry run answers it (and, after the wipe, with what was done): counts per scope,
// what is kept under a legal hold and why, the files, the backups, the key copies, and the warnings.
import { Alert, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WipePlan } from '../../../../shared/contract';
import { fileName } from './wipe-input';

export function PlanView({ plan }: { plan: WipePlan }) {
  const { t } = useTranslation();
  const r = plan.records;
  const done = (d: boolean) => (d ? <Tag color="success">{t('wipe.plan.done')}</Tag> : null);
  return (
    <Flex vertical gap={16} data-testid="wipe-plan" data-kind={plan.kind}>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('wipe.plan.destroy')}>
          <span data-testid="wipe-plan-destroy">{r.destroy}</span>
          {r.mergedWith ? ` (${t('wipe.plan.mergedWith')} ${r.mergedWith})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('wipe.plan.anonymise')}>
          <span data-testid="wipe-plan-anonymise">{r.anonymise}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('wipe.plan.quarantine')}>{r.quarantine}</Descriptions.Item>
        <Descriptions.Item label={t('wipe.plan.kept')}>
          <span data-testid="wipe-plan-kept">{r.keptTotal}</span>
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>{t('wipe.plan.kept')}</Typography.Text>
        {r.kept.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('wipe.plan.keptNone')}</Typography.Paragraph>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey={(k) => `${k.basis}|${k.retainUntil}`}
            dataSource={r.kept}
            data-testid="wipe-plan-kept-table"
            columns={[
              { title: t('wipe.plan.basis'), dataIndex: 'basis' },
              { title: t('wipe.plan.until'), dataIndex: 'retainUntil', width: 120 },
              { title: t('wipe.plan.records'), dataIndex: 'records', width: 90 },
            ]}
          />
        )}
      </div>
      {plan.files.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey="path"
          title={() => <Typography.Text strong>{t('wipe.plan.files')}</Typography.Text>}
          dataSource={plan.files}
          data-testid="wipe-plan-files"
          columns={[
            { title: t('wipe.plan.kind'), dataIndex: 'kind', width: 150 },
            { title: t('wipe.plan.file'), dataIndex: 'path', render: (p: string) => fileName(p) },
            {
              title: t('wipe.plan.action'),
              width: 220,
              render: (_v, f) => (
                <span data-testid="wipe-plan-file-action" data-action={f.action}>
                  {t(`wipe.plan.actions.${f.action}`)}
                  {f.reason
                    ? ` (${t(`wipe.plan.reasons.${f.reason}`, { defaultValue: f.reason })})`
                    : ''}{' '}
                  {done(f.done)}
                </span>
              ),
            },
          ]}
        />
      ) : null}
      {plan.backups.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey="backupId"
          title={() => <Typography.Text strong>{t('wipe.plan.backups')}</Typography.Text>}
          dataSource={plan.backups}
          data-testid="wipe-plan-backups"
          columns={[
            { title: t('wipe.plan.file'), dataIndex: 'path', render: (p: string) => fileName(p) },
            {
              title: t('wipe.plan.action'),
              render: (_v, b) => (
                <span data-testid="wipe-plan-backup-action" data-action={b.action}>
                  {t(`wipe.plan.backupActions.${b.action}`)} {done(b.done)}
                </span>
              ),
            },
          ]}
        />
      ) : null}
      {plan.keyCopies.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey={(k) => `${k.kind}|${k.label}|${k.where}`}
          title={() => <Typography.Text strong>{t('wipe.plan.keyCopies')}</Typography.Text>}
          dataSource={plan.keyCopies}
          data-testid="wipe-plan-keys"
          columns={[
            {
              title: t('wipe.plan.kind'),
              render: (_v, k) => `${t(`wipe.plan.keyKinds.${k.kind}`)}: ${k.label}`,
            },
            {
              title: t('wipe.plan.action'),
              render: (_v, k) => (
                <span data-testid="wipe-plan-key-action" data-kind={k.kind} data-action={k.action}>
                  {t(`wipe.plan.keyActions.${k.action}`)}
                </span>
              ),
            },
          ]}
        />
      ) : null}
      {plan.warnings.map((w) => (
        <Alert
          key={w}
          type="warning"
          showIcon
          data-testid="wipe-warning"
          data-warning={w}
          title={t(`wipe.plan.warnings.${w}`)}
        />
      ))}
    </Flex>
  );
}

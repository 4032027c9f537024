// Dispositions of the open vault: how many records have none yet (the figure that must reach 0), the
// counts per disposition, and rules applied in order (first match wins) with a dry run that only
// counts, the statutory retention presets, and a confirmation before anything is written. The page's data
// and actions are its model (dispositions/use-dispositions.ts); the rules are drafted in draft-rules.ts.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Modal, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { DispositionCounts } from './dispositions/DispositionCounts';
import { CONDITIONS, type ConditionKey } from './dispositions/draft-rules';
import { ruleColumns } from './dispositions/rule-columns';
import { useDispositions, type DispositionsModel } from './dispositions/use-dispositions';

function RulesCard({ model, canApply }: { model: DispositionsModel; canApply: boolean }) {
  const { t } = useTranslation();
  const { rules, preview, dry, apply } = model;
  const conditionOptions = [
    ...(Object.keys(CONDITIONS) as ConditionKey[]).map((k) => ({
      value: k,
      label: t(`dispositions.when.${k}`),
    })),
    ...model.categories.map((c) => ({
      value: `category:${c === 'unmatched' ? '' : c}`,
      label: `${t('dispositions.when.category')}: ${c === 'unmatched' ? t('classification.category.unmatched') : c}`,
    })),
  ];

  const confirmApply = () => {
    if (!rules) return;
    Modal.confirm({
      title: t('dispositions.confirmTitle'),
      content: t('dispositions.confirmBody'),
      okText: t('dispositions.apply'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'dispositions-confirm' } as Record<`data-${string}`, string>,
      onOk: model.runApply,
    });
  };

  return (
    <Card
      title={t('dispositions.rules.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={model.addRule} data-testid="dispositions-add-rule">
          {t('dispositions.rules.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('dispositions.rules.hint')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={(_d, i) => String(i)}
        dataSource={model.drafts}
        data-testid="dispositions-rules"
        columns={ruleColumns(t, model, conditionOptions)}
      />
      <Flex gap={8} style={{ marginTop: 16 }} wrap>
        <Button
          disabled={!rules || !canApply || dry.state.status === 'running'}
          onClick={model.runDry}
          data-testid="dispositions-dry-run"
        >
          {t('dispositions.dryRun')}
        </Button>
        <Button
          type="primary"
          disabled={!rules || !canApply || apply.state.status === 'running'}
          onClick={confirmApply}
          data-testid="dispositions-apply"
        >
          {t('dispositions.apply')}
        </Button>
        {!canApply ? <Typography.Text type="secondary">{t('dispositions.readOnly')}</Typography.Text> : null}
      </Flex>
      {preview ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="dispositions-preview"
          title={t('dispositions.previewTitle', {
            changed: preview.changed,
            none: preview.disposition.none,
          })}
          description={t('dispositions.previewBody', { kept: preview.keptManual })}
        />
      ) : null}
      {dry.state.status === 'finished' && dry.state.error ? <ErrorAlert error={dry.state.error} /> : null}
      {apply.state.status !== 'idle' ? (
        <div style={{ marginTop: 16 }}>
          <JobProgress state={apply.state} onCancel={apply.cancel} cancelError={apply.cancelError} />
        </div>
      ) : null}
    </Card>
  );
}

function Dispositions({ canApply }: { canApply: boolean }) {
  const model = useDispositions();
  const { stats } = model;
  return (
    <>
      {stats.status === 'loading' ? <Skeleton active /> : null}
      {stats.status === 'error' ? <ErrorAlert error={stats.error} /> : null}
      {stats.status === 'ok' ? <DispositionCounts stats={stats.value} /> : null}
      <RulesCard model={model} canApply={canApply} />
    </>
  );
}

export function DispositionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dispositions.title')} subtitle={t('dispositions.subtitle')} />
      <RequireSession>{(session) => <Dispositions canApply={session.role !== 'auditor'} />}</RequireSession>
    </>
  );
}

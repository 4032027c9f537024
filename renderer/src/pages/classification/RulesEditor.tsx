// The classification rules editor: categories and their keywords (in order: the first match wins),
// organisation markers, stale years (with the date they are measured from and why) and the completeness
// threshold. Saving stores a new version (owners only) and then offers to reclassify every record under
// it. Its state is use-rules-editor.ts.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, InputNumber, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { categoryColumns } from './category-columns';
import { StaleReference } from './StaleReference';
import { useRulesEditor } from './use-rules-editor';

export function RulesEditor({ isOwner, onSaved }: { isOwner: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const model = useRulesEditor(onSaved);
  const { loaded, draft, valid, update, save, saved, reclassify } = model;

  if (loaded.status === 'loading' || !draft || !valid) return <Skeleton active />;
  if (loaded.status === 'error') return <ErrorAlert error={loaded.error} />;

  return (
    <Card
      title={t('classification.rules.title', { version: model.version })}
      data-testid="rules-editor"
      extra={
        isOwner ? (
          <Button
            type="primary"
            disabled={!valid.success || save.state.status === 'running'}
            onClick={() => save.start({ rules: draft, reclassify: false })}
            data-testid="rules-save"
          >
            {t('classification.rules.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('classification.rules.ownerOnly')}</Typography.Text>
        )
      }
    >
      {save.state.status === 'running' ||
      (save.state.status === 'finished' && save.state.outcome !== 'succeeded') ? (
        <JobProgress state={save.state} onCancel={save.cancel} cancelError={save.cancelError} />
      ) : null}
      {saved && reclassify.state.status === 'idle' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="rules-saved"
          title={t('classification.rules.saved', { version: saved.version })}
          action={
            <Button type="primary" onClick={() => reclassify.start({})} data-testid="rules-reclassify-now">
              {t('classification.rules.reclassifyNow')}
            </Button>
          }
        />
      ) : null}
      {reclassify.state.status !== 'idle' ? (
        <div style={{ marginBottom: 16 }}>
          <JobProgress
            state={reclassify.state}
            onCancel={reclassify.cancel}
            cancelError={reclassify.cancelError}
          />
        </div>
      ) : null}
      {!valid.success ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="rules-invalid"
          title={t('classification.rules.invalid', {
            where: valid.error.issues[0].path.join('.'),
            message: valid.error.issues[0].message,
          })}
        />
      ) : null}
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <label>
          {t('classification.rules.staleYears')}{' '}
          <InputNumber
            min={1}
            max={100}
            value={draft.staleYears}
            disabled={!isOwner}
            onChange={(v) => update({ staleYears: typeof v === 'number' ? v : draft.staleYears })}
            data-testid="rules-stale-years"
          />
        </label>
        <label>
          {t('classification.rules.threshold')}{' '}
          <InputNumber
            min={0}
            max={100}
            value={draft.completeness.threshold}
            disabled={!isOwner}
            onChange={(v) =>
              update({ completeness: { ...draft.completeness, threshold: typeof v === 'number' ? v : 0 } })
            }
            data-testid="rules-threshold"
          />
        </label>
        <Typography.Text type="secondary">
          {t('classification.rules.minorAge', { age: draft.minorAge })}
        </Typography.Text>
      </Space>
      {loaded.status === 'ok' ? (
        <StaleReference applied={loaded.value.staleReference} years={draft.staleYears} />
      ) : null}
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('classification.rules.markers')}
      </Typography.Paragraph>
      <Select
        mode="tags"
        style={{ width: '100%', marginBottom: 16 }}
        value={draft.organisationMarkers}
        disabled={!isOwner}
        onChange={(v: string[]) => update({ organisationMarkers: v })}
        data-testid="rules-markers"
        open={false}
      />
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('classification.rules.categories')}</Typography.Text>
        {isOwner ? (
          <Button
            icon={<PlusOutlined />}
            size="small"
            onClick={model.addCategory}
            data-testid="rules-add-category"
          >
            {t('classification.rules.addCategory')}
          </Button>
        ) : null}
      </Flex>
      <Table
        size="small"
        pagination={false}
        rowKey={(_c, i) => String(i)}
        dataSource={draft.categories}
        data-testid="rules-categories"
        columns={categoryColumns(t, isOwner, model)}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('classification.rules.orderHint')}
      </Typography.Paragraph>
    </Card>
  );
}

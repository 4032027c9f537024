// The classification rules editor: categories and their keywords (in order: the first match wins),
// organisation markers, stale years and the completeness threshold. Saving stores a new version (owners
// only) and then offers to reclassify every record under it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rulesSchema, type ClassificationRules } from '../../../../shared/classification/rules';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';

export function RulesEditor({ isOwner, onSaved }: { isOwner: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { state: loaded, reload } = useOperation('classification.rules', {});
  // Edits belong to the version they were made on; once another version is loaded (after a save) the
  // editor shows that one.
  const [edited, setEdited] = useState<{ version: number; body: ClassificationRules } | null>(null);
  const save = useJob('classification.saveRules');
  const reclassify = useJob('classification.run');

  const loadedVersion = loaded.status === 'ok' ? loaded.value.current : null;
  const draft =
    edited && loadedVersion && edited.version === loadedVersion.version
      ? edited.body
      : (loadedVersion?.body ?? null);

  const saved =
    save.state.status === 'finished' && save.state.outcome === 'succeeded' ? save.state.value : null;
  const savedId = saved ? save.state.status === 'finished' && save.state.id : null;
  useEffect(() => {
    if (savedId) {
      reload();
      onSaved();
    }
  }, [savedId, reload, onSaved]);
  const reclassifiedId = reclassify.state.status === 'finished' ? reclassify.state.id : null;
  useEffect(() => {
    if (reclassifiedId) onSaved();
  }, [reclassifiedId, onSaved]);

  if (loaded.status === 'loading' || !draft) return <Skeleton active />;
  if (loaded.status === 'error') return <ErrorAlert error={loaded.error} />;

  const valid = rulesSchema.safeParse(draft);
  const update = (change: Partial<ClassificationRules>) =>
    setEdited({ version: loaded.value.current.version, body: { ...draft, ...change } });
  const setCategory = (index: number, change: Partial<ClassificationRules['categories'][number]>) =>
    update({ categories: draft.categories.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  return (
    <Card
      title={t('classification.rules.title', { version: loaded.value.current.version })}
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
            onClick={() => update({ categories: [...draft.categories, { name: '', keywords: [] }] })}
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
        columns={[
          {
            title: t('classification.rules.categoryName'),
            width: 200,
            render: (_: unknown, c, i) => (
              <Input
                value={c.name}
                disabled={!isOwner}
                onChange={(e) => setCategory(i, { name: e.target.value })}
                data-testid={`rules-category-name-${i}`}
              />
            ),
          },
          {
            title: t('classification.rules.keywords'),
            render: (_: unknown, c, i) => (
              <Select
                mode="tags"
                style={{ width: '100%' }}
                value={c.keywords}
                disabled={!isOwner}
                open={false}
                onChange={(v: string[]) => setCategory(i, { keywords: v })}
                data-testid={`rules-category-keywords-${i}`}
              />
            ),
          },
          {
            width: 48,
            render: (_: unknown, _c, i) =>
              isOwner ? (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('classification.rules.removeCategory')}
                  onClick={() => update({ categories: draft.categories.filter((_x, j) => j !== i) })}
                  data-testid={`rules-category-remove-${i}`}
                />
              ) : null,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('classification.rules.orderHint')}
      </Typography.Paragraph>
    </Card>
  );
}

// Dispositions of the open vault: how many records have none yet (the figure that must reach 0), the
// counts per disposition, and rules applied in order (first match wins) with a dry run that only
// counts, the statutory retention presets, and a confirmation before anything is written.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../shared/contract';
import { DISPOSITIONS, type Disposition } from '../../../shared/customer';
import { RETENTION_PRESET_NAMES, type RetentionPreset } from '../../../shared/dispositions';
import type { DispositionApplied } from '../../../shared/contract';
import type { RecordFilter } from '../../../shared/records';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { useJob } from '../hooks/use-job';
import { useOperation } from '../hooks/use-operation';
import { CountLink } from '../components/CountLink';

type DisposeRules = OpInput<'dispositions.apply'>['rules'];

/** The conditions a rule can start from; categories are added from the vault's statistics. */
const CONDITIONS = {
  none: { disposition: null },
  stale: { flags: { stale: true } },
  business: { type: 'business' },
  individual: { type: 'individual' },
  minor: { flags: { minor: true } },
  sensitive: { flags: { sensitive: true } },
  incomplete: { flags: { incomplete: true } },
  overseas: { region: 'overseas' },
  all: {},
} satisfies Record<string, RecordFilter>;
type ConditionKey = keyof typeof CONDITIONS;

interface DraftRule {
  when: string;
  disposition: Disposition;
  preset: RetentionPreset | 'custom';
  basis: string;
  retainUntil: string;
  recipient: string;
}

const blankRule = (when = 'stale', disposition: Disposition = 'DESTROY'): DraftRule => ({
  when,
  disposition,
  preset: 'accounting-30y',
  basis: '',
  retainUntil: '',
  recipient: '',
});

function toRules(drafts: DraftRule[]): DisposeRules | null {
  const rules: DisposeRules = [];
  for (const d of drafts) {
    const when = d.when.startsWith('category:')
      ? { category: d.when.slice('category:'.length) || null }
      : CONDITIONS[d.when as ConditionKey];
    if (d.disposition === 'RETAIN') {
      if (d.preset !== 'custom') rules.push({ when, set: { disposition: 'RETAIN', preset: d.preset } });
      else if (d.basis.trim() && d.retainUntil)
        rules.push({
          when,
          set: { disposition: 'RETAIN', basis: d.basis.trim(), retainUntil: d.retainUntil },
        });
      else return null;
    } else if (d.disposition === 'TRANSFER') {
      if (!d.recipient.trim()) return null;
      rules.push({ when, set: { disposition: 'TRANSFER', recipient: d.recipient.trim() } });
    } else rules.push({ when, set: { disposition: d.disposition } });
  }
  return rules.length ? rules : null;
}

function Dispositions({ canApply }: { canApply: boolean }) {
  const { t } = useTranslation();
  const { state: stats, reload } = useOperation('records.stats', {});
  const [drafts, setDrafts] = useState<DraftRule[]>([blankRule(), blankRule('none', 'ANONYMISE')]);
  // Edits (and applying) start a new draft version; a dry run's counts are shown only for the version
  // they were counted for.
  const [version, setVersion] = useState(0);
  const [previewOf, setPreviewOf] = useState<number | null>(null);
  const dry = useJob('dispositions.apply');
  const apply = useJob('dispositions.apply');
  const dryValue: DispositionApplied | null =
    dry.state.status === 'finished' ? (dry.state.value ?? null) : null;
  const preview = previewOf === version ? dryValue : null;

  const appliedId = apply.state.status === 'finished' ? apply.state.id : null;
  useEffect(() => {
    if (appliedId) reload();
  }, [appliedId, reload]);

  const rules = toRules(drafts);
  const categories = stats.status === 'ok' ? Object.keys(stats.value.categories) : [];
  const conditionOptions = [
    ...(Object.keys(CONDITIONS) as ConditionKey[]).map((k) => ({
      value: k,
      label: t(`dispositions.when.${k}`),
    })),
    ...categories.map((c) => ({
      value: `category:${c === 'unmatched' ? '' : c}`,
      label: `${t('dispositions.when.category')}: ${c === 'unmatched' ? t('classification.category.unmatched') : c}`,
    })),
  ];
  const setDraft = (i: number, change: Partial<DraftRule>) => {
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...change } : d)));
    setVersion(version + 1);
  };

  const confirmApply = () => {
    if (!rules) return;
    Modal.confirm({
      title: t('dispositions.confirmTitle'),
      content: t('dispositions.confirmBody'),
      okText: t('dispositions.apply'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'dispositions-confirm' } as Record<`data-${string}`, string>,
      onOk: () => {
        setVersion(version + 1);
        apply.start({ rules });
      },
    });
  };

  return (
    <>
      {stats.status === 'loading' ? <Skeleton active /> : null}
      {stats.status === 'error' ? <ErrorAlert error={stats.error} /> : null}
      {stats.status === 'ok' ? (
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={6}>
              <Statistic
                title={t('dispositions.none')}
                valueRender={() => (
                  <CountLink
                    n={stats.value.disposition.none}
                    filter={{ disposition: null }}
                    testId="disposition-none"
                  />
                )}
              />
            </Col>
            {DISPOSITIONS.map((d) => (
              <Col xs={12} md={4} key={d}>
                <Statistic
                  title={t(`dispositions.kind.${d}`)}
                  valueRender={() => (
                    <CountLink
                      n={stats.value.disposition[d]}
                      filter={{ disposition: d }}
                      testId={`disposition-${d}`}
                    />
                  )}
                />
              </Col>
            ))}
          </Row>
          {stats.value.disposition.none === 0 && stats.value.customers > 0 ? (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 16 }}
              title={t('dispositions.allDecided')}
              data-testid="dispositions-all-decided"
            />
          ) : null}
        </Card>
      ) : null}

      <Card
        title={t('dispositions.rules.title')}
        extra={
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              setDrafts([...drafts, blankRule('all', 'DESTROY')]);
              setVersion(version + 1);
            }}
            data-testid="dispositions-add-rule"
          >
            {t('dispositions.rules.add')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('dispositions.rules.hint')}</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey={(_d, i) => String(i)}
          dataSource={drafts}
          data-testid="dispositions-rules"
          columns={[
            { title: '#', width: 40, render: (_: unknown, _d, i) => i + 1 },
            {
              title: t('dispositions.rules.when'),
              width: 260,
              render: (_: unknown, d, i) => (
                <Select
                  style={{ width: '100%' }}
                  value={d.when}
                  options={conditionOptions}
                  onChange={(when: string) => setDraft(i, { when })}
                  data-testid={`dispositions-when-${i}`}
                />
              ),
            },
            {
              title: t('dispositions.rules.then'),
              render: (_: unknown, d, i) => (
                <Space wrap>
                  <Select
                    style={{ width: 160 }}
                    value={d.disposition}
                    options={DISPOSITIONS.map((k) => ({ value: k, label: t(`dispositions.kind.${k}`) }))}
                    onChange={(disposition: Disposition) => setDraft(i, { disposition })}
                    data-testid={`dispositions-set-${i}`}
                  />
                  {d.disposition === 'RETAIN' ? (
                    <Select
                      style={{ width: 220 }}
                      value={d.preset}
                      options={[
                        ...RETENTION_PRESET_NAMES.map((p) => ({
                          value: p,
                          label: t(`dispositions.preset.${p}`),
                        })),
                        { value: 'custom', label: t('dispositions.preset.custom') },
                      ]}
                      onChange={(preset: DraftRule['preset']) => setDraft(i, { preset })}
                      data-testid={`dispositions-preset-${i}`}
                    />
                  ) : null}
                  {d.disposition === 'RETAIN' && d.preset === 'custom' ? (
                    <>
                      <Input
                        placeholder={t('dispositions.basis')}
                        value={d.basis}
                        onChange={(e) => setDraft(i, { basis: e.target.value })}
                        style={{ width: 240 }}
                      />
                      <DatePicker
                        onChange={(_v, s) => setDraft(i, { retainUntil: typeof s === 'string' ? s : '' })}
                      />
                    </>
                  ) : null}
                  {d.disposition === 'TRANSFER' ? (
                    <Input
                      placeholder={t('dispositions.recipient')}
                      value={d.recipient}
                      onChange={(e) => setDraft(i, { recipient: e.target.value })}
                      style={{ width: 240 }}
                    />
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('dispositions.rules.matched'),
              width: 100,
              align: 'right',
              render: (_: unknown, _d, i) =>
                preview ? (
                  <span data-testid={`dispositions-matched-${i}`}>{preview.rules[i]?.matched ?? 0}</span>
                ) : (
                  '–'
                ),
            },
            {
              width: 48,
              render: (_: unknown, _d, i) => (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('dispositions.rules.remove')}
                  disabled={drafts.length === 1}
                  onClick={() => {
                    setDrafts(drafts.filter((_x, j) => j !== i));
                    setVersion(version + 1);
                  }}
                />
              ),
            },
          ]}
        />
        <Flex gap={8} style={{ marginTop: 16 }} wrap>
          <Button
            disabled={!rules || !canApply || dry.state.status === 'running'}
            onClick={() => {
              if (!rules) return;
              setPreviewOf(version);
              dry.start({ rules, dryRun: true });
            }}
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
          {!canApply ? (
            <Typography.Text type="secondary">{t('dispositions.readOnly')}</Typography.Text>
          ) : null}
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

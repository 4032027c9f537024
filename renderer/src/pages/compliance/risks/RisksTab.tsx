// The risk register: the guide's risks, those the vault detects (with what it found now), and those
// added by hand; likelihood × impact, owner, treatment, status.
import { App, Button, Flex, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Risk } from '../../../../../shared/contract';
import {
  RISK_CATEGORY_TEXT,
  RISK_LEVEL_TEXT,
  RISK_STATUS_TEXT,
} from '../../../../../shared/compliance/labels';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOperation } from '../../../hooks/use-operation';
import { useBi } from '../../../i18n/bilingual';
import { api, type ErrorValue } from '../../../platform/api';
import { useSession } from '../../../session/session-context';
import { RiskModal, type RiskValues } from './RiskModal';

const LEVEL_COLOURS = { low: 'green', medium: 'orange', high: 'red' } as const;

export function RisksTab() {
  const { t } = useTranslation();
  const bi = useBi();
  const { message } = App.useApp();
  const { can } = useSession();
  const { state, reload } = useOperation('risks.list', {});
  const [editing, setEditing] = useState<Risk | null | undefined>(undefined);
  const [error, setError] = useState<ErrorValue | null>(null);
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  if (state.status === 'loading') return <Skeleton active />;

  const save = async (v: RiskValues) => {
    setError(null);
    const common = { likelihood: v.likelihood, impact: v.impact, owner: v.owner, treatment: v.treatment };
    const r = editing
      ? await api.call('risks.update', { id: editing.id, ...common, status: v.status })
      : await api.call('risks.add', {
          ...common,
          title: v.title,
          description: v.description ?? '',
          category: v.category,
        });
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    void message.success(t('compliance.saved'));
    setEditing(undefined);
    reload();
    return true;
  };

  const columns: TableColumnsType<Risk> = [
    {
      title: t('compliance.risks.columns.risk'),
      key: 'risk',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{bi(r.title)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {bi(r.description)}
          </Typography.Text>
          <Flex gap={4}>
            <Tag>{t(`compliance.risks.sources.${r.source}`)}</Tag>
            {r.detected === null ? null : (
              <Tag color={r.detected ? 'red' : 'green'} data-testid="risk-detected">
                {r.detected ? t('compliance.risks.detectedNow') : t('compliance.risks.notDetected')}
              </Tag>
            )}
          </Flex>
          {r.finding ? <Typography.Text type="warning">{bi(r.finding)}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('compliance.risks.columns.category'),
      key: 'c',
      render: (_: unknown, r) => bi(RISK_CATEGORY_TEXT[r.category]),
    },
    {
      title: t('compliance.risks.columns.score'),
      key: 'score',
      sorter: (a, b) => a.score - b.score,
      defaultSortOrder: 'descend',
      render: (_: unknown, r) => (
        <Tag color={LEVEL_COLOURS[r.level]}>
          {r.likelihood} × {r.impact} = {r.score} · {bi(RISK_LEVEL_TEXT[r.level])}
        </Tag>
      ),
    },
    {
      title: t('compliance.risks.columns.owner'),
      dataIndex: 'owner',
      render: (o: string | null) => o ?? '—',
    },
    {
      title: t('compliance.risks.columns.treatment'),
      dataIndex: 'treatment',
      render: (o: string | null) => o ?? '—',
    },
    {
      title: t('compliance.risks.columns.status'),
      key: 'status',
      render: (_: unknown, r) => (
        <Flex gap={8} align="center">
          <Tag>{bi(RISK_STATUS_TEXT[r.status])}</Tag>
          {can('risks.update') ? (
            <Button size="small" onClick={() => setEditing(r)} data-testid="risk-edit">
              {t('compliance.risks.edit')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="risks-tab">
      {error ? <ErrorAlert error={error} /> : null}
      {can('risks.add') ? (
        <div>
          <Button onClick={() => setEditing(null)} data-testid="risk-add">
            {t('compliance.risks.add')}
          </Button>
        </div>
      ) : null}
      <Table<Risk>
        data-testid="risk-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={state.value}
        pagination={false}
      />
      <RiskModal risk={editing} onCancel={() => setEditing(undefined)} onSave={save} />
    </Flex>
  );
}

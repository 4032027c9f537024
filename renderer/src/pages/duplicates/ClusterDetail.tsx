// One duplicate cluster side by side: members as columns, fields as rows, differing values highlighted,
// the field-by-field explanation of the match, and the review actions (accept, reject, take a record
// out, choose the surviving value of each field and merge, undo a merge).
import { Button, Card, Descriptions, Flex, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS, type FieldMatch, type MergeField } from '../../../../shared/duplicates';
import { type ClusterMember, type ClusterView } from '../../../../shared/contract';
import { fieldText } from '../../../../shared/customer/columns';
import type { ErrorValue } from '../../platform/api';
import { api } from '../../platform/api';
import { ErrorAlert } from '../../components/ErrorAlert';

const STATUS_COLOR = {
  pending: 'processing',
  accepted: 'success',
  rejected: 'default',
  merged: 'purple',
} as const;

const display = (m: ClusterMember, field: MergeField): string => fieldText(field, m.values);

function MatchTag({ match }: { match: FieldMatch }) {
  const { t } = useTranslation();
  const color = match.kind === 'conflict' ? 'error' : match.kind === 'exact' ? 'success' : 'warning';
  return (
    <Tag color={color} data-testid={`match-${match.field}-${match.kind}`}>
      {t(`fields.${match.field}`)} · {t(`duplicates.kind.${match.kind}`)}
      {match.kind === 'fuzzy' ? ` ${Math.round(match.similarity * 100)}%` : ''} ({match.points > 0 ? '+' : ''}
      {match.points})
    </Tag>
  );
}

export function StatusTag({ status }: { status: ClusterView['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="cluster-status" data-status={status}>
      {t(`duplicates.status.${status}`)}
    </Tag>
  );
}

export function ClusterDetail({
  cluster,
  canEdit,
  onChanged,
}: {
  cluster: ClusterView;
  canEdit: boolean;
  /** After a change: the cluster id to show next (null: close). */
  onChanged: (next: number | null) => void;
}) {
  const { t } = useTranslation();
  const [survivor, setSurvivor] = useState(cluster.suggestion.survivorId);
  const [chosen, setChosen] = useState<Record<MergeField, number>>(cluster.suggestion.chosen);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const open = cluster.status === 'pending' || cluster.status === 'accepted';
  const editable = canEdit && open;
  const members = cluster.members;

  const differs = useMemo(() => {
    const out = new Set<MergeField>();
    for (const f of MERGE_FIELDS) if (new Set(members.map((m) => display(m, f))).size > 1) out.add(f);
    return out;
  }, [members]);

  const act = async (work: () => Promise<{ ok: boolean; error?: ErrorValue }>, next: number | null) => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok && result.error) setError(result.error);
    else onChanged(next);
  };
  const unwrap = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: ErrorValue }>) => {
    const r = await p;
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  };

  const pickSurvivor = (id: number) => {
    setSurvivor(id);
    // A new survivor keeps its own values unless the person chose otherwise since.
    setChosen((current) => {
      const next = { ...current };
      for (const f of MERGE_FIELDS) if (current[f] === survivor) next[f] = id;
      return next;
    });
  };

  const columns = [
    {
      key: 'field',
      title: t('duplicates.detail.field'),
      width: 140,
      render: (_: unknown, row: { field: MergeField }) => (
        <Typography.Text strong={differs.has(row.field)}>{t(`fields.${row.field}`)}</Typography.Text>
      ),
    },
    ...members.map((m) => ({
      key: String(m.id),
      title: (
        <Space direction="vertical" size={2} data-testid={`member-${m.id}`}>
          <Flex gap={8} align="center">
            {editable ? (
              <Radio
                checked={survivor === m.id}
                onChange={() => pickSurvivor(m.id)}
                data-testid={`survivor-${m.id}`}
              >
                {t('duplicates.detail.keep')}
              </Radio>
            ) : null}
            <Typography.Text type="secondary">#{m.id}</Typography.Text>
            {m.mergedInto ? <Tag>{t('duplicates.detail.mergedInto', { id: m.mergedInto })}</Tag> : null}
            {cluster.merge?.survivorId === m.id ? (
              <Tag color="purple">{t('duplicates.detail.survivor')}</Tag>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`member-sources-${m.id}`}>
            {m.sources
              .map(
                (s) =>
                  `${s.file}${s.sheet ? ` [${s.sheet}]` : ''} ${t('duplicates.detail.row', { row: s.row })}`,
              )
              .join('; ')}
          </Typography.Text>
          {editable && members.length > 1 ? (
            <Popconfirm
              title={t('duplicates.detail.splitConfirm')}
              onConfirm={() =>
                act(
                  () => unwrap(api.call('duplicates.split', { clusterId: cluster.id, recordId: m.id })),
                  cluster.id,
                )
              }
              okButtonProps={{ 'data-testid': 'split-confirm' }}
            >
              <Button size="small" disabled={busy} data-testid={`member-split-${m.id}`}>
                {t('duplicates.detail.split')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
      render: (_: unknown, row: { field: MergeField }) => {
        const text = display(m, row.field);
        const highlight = differs.has(row.field);
        const cell = (
          <span
            data-testid={`value-${row.field}-${m.id}`}
            style={text === '' ? { opacity: 0.45 } : undefined}
          >
            {text === '' ? t('duplicates.detail.empty') : text}
          </span>
        );
        return (
          <div
            style={
              highlight
                ? { background: 'rgba(250, 173, 20, 0.15)', padding: '2px 4px', borderRadius: 4 }
                : undefined
            }
          >
            {editable && highlight ? (
              <Radio
                checked={chosen[row.field] === m.id}
                onChange={() => setChosen((c) => ({ ...c, [row.field]: m.id }))}
                data-testid={`choose-${row.field}-${m.id}`}
              >
                {cell}
              </Radio>
            ) : (
              cell
            )}
          </div>
        );
      },
    })),
  ];

  return (
    <Card
      data-testid="cluster-detail"
      data-cluster={cluster.id}
      title={
        <Flex gap={8} align="center">
          {t('duplicates.detail.title', { id: cluster.id })}
          <Tag data-testid="cluster-score">{t('duplicates.score', { score: cluster.score })}</Tag>
          <StatusTag status={cluster.status} />
        </Flex>
      }
      extra={
        <Space>
          {editable ? (
            <>
              <Button
                disabled={busy || cluster.status === 'accepted'}
                onClick={() =>
                  act(
                    () =>
                      unwrap(api.call('duplicates.decide', { clusterId: cluster.id, decision: 'accept' })),
                    cluster.id,
                  )
                }
                data-testid="cluster-accept"
              >
                {t('duplicates.detail.accept')}
              </Button>
              <Button
                disabled={busy}
                onClick={() =>
                  act(
                    () =>
                      unwrap(api.call('duplicates.decide', { clusterId: cluster.id, decision: 'reject' })),
                    cluster.id,
                  )
                }
                data-testid="cluster-reject"
              >
                {t('duplicates.detail.reject')}
              </Button>
              <Button
                type="primary"
                disabled={busy || members.length < 2}
                onClick={() =>
                  act(
                    () =>
                      unwrap(
                        api.call('duplicates.merge', { clusterId: cluster.id, survivorId: survivor, chosen }),
                      ),
                    cluster.id,
                  )
                }
                data-testid="cluster-merge"
              >
                {t('duplicates.detail.merge')}
              </Button>
            </>
          ) : null}
          {canEdit && cluster.status === 'merged' && cluster.merge ? (
            <Button
              disabled={busy}
              onClick={() =>
                act(() => unwrap(api.call('duplicates.unmerge', { mergeId: cluster.merge!.id })), cluster.id)
              }
              data-testid="cluster-unmerge"
            >
              {t('duplicates.detail.unmerge')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      {editable ? (
        <Typography.Paragraph type="secondary">{t('duplicates.detail.howTo')}</Typography.Paragraph>
      ) : null}
      {/* Scrolled by a plain box: antd's own horizontal scroll renders the header twice. */}
      <div style={{ overflowX: 'auto' }}>
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={MERGE_FIELDS.map((field) => ({ field }))}
          columns={columns}
          data-testid="cluster-table"
        />
      </div>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 16 }}
        title={t('duplicates.detail.why')}
        data-testid="cluster-explanation"
        items={[
          ...cluster.explanation.links.map((link, i) => ({
            key: `link-${i}`,
            label: `#${link.a} ↔ #${link.b} · ${t('duplicates.score', { score: link.score })}`,
            children: (
              <Flex wrap gap={4}>
                {link.fields.map((f) => (
                  <MatchTag key={f.field} match={f} />
                ))}
              </Flex>
            ),
          })),
          ...cluster.explanation.conflicts.map((link, i) => ({
            key: `conflict-${i}`,
            label: `#${link.a} ≠ #${link.b}`,
            children: (
              <Flex wrap gap={4}>
                <Typography.Text type="danger">{t('duplicates.detail.conflict')}</Typography.Text>
                {link.fields.map((f) => (
                  <MatchTag key={f.field} match={f} />
                ))}
              </Flex>
            ),
          })),
        ]}
      />
    </Card>
  );
}

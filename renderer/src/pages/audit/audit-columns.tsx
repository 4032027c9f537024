// The columns of the audit log: sequence number, time, user, operation, outcome, and a summary of the
// parameters and counts (ids and counts only: entries hold no customer values).
import { Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { AuditEntryView } from '../../../../shared/contract';
import { OpNameText } from '../../components/OpNameText';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { currentLang } from '../../i18n';
import { formatTimestamp } from '../../i18n/format';
import { summariseParams } from './params-summary';

const OUTCOME_COLOURS: Record<string, string> = { ok: 'green', refused: 'orange', failed: 'red' };

export function auditColumns(t: TFunction): TableColumnsType<AuditEntryView> {
  const lang = currentLang();
  return [
    { title: t('audit.columns.seq'), dataIndex: 'seq', width: 72, align: 'right' },
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      width: 190,
      render: (iso: string) => formatTimestamp(lang, iso),
    },
    {
      title: t('audit.columns.user'),
      dataIndex: 'userName',
      width: 130,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('audit.columns.op'),
      dataIndex: 'op',
      width: 210,
      render: (name: string) => <OpNameText recorded={name} />,
    },
    {
      title: t('audit.columns.outcome'),
      dataIndex: 'outcome',
      width: 100,
      render: (outcome: string) => (
        <Tag color={OUTCOME_COLOURS[outcome] ?? 'default'} data-outcome={outcome}>
          {outcome === 'ok' || outcome === 'refused' || outcome === 'failed'
            ? t(`audit.outcomes.${outcome}`)
            : outcome}
        </Tag>
      ),
    },
    {
      title: t('audit.columns.params'),
      key: 'params',
      render: (_: unknown, entry) => (
        <Typography.Text type="secondary" style={{ fontFamily: MONOSPACE, fontSize: 12 }} ellipsis>
          {summariseParams(entry.params, entry.counts) || '—'}
        </Typography.Text>
      ),
    },
  ];
}

// The closure's key dates: legal deadlines counted on the Chinese working-day calendar (a deadline on a
// rest day moves to the next working day), with the days left.
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeyDate } from '../../../../../shared/contract';
import { currentLang } from '../../../i18n';
import { useBi } from '../../../i18n/bilingual';
import { formatDate } from '../../../i18n/format';

export function KeyDatesTable({ dates }: { dates: KeyDate[] }) {
  const { t } = useTranslation();
  const bi = useBi();
  const lang = currentLang();
  const left = (d: KeyDate) =>
    d.type === 'event' ? (
      <Tag>{t('compliance.plan.event')}</Tag>
    ) : d.daysLeft === 0 ? (
      <Tag color="red">{t('compliance.plan.today')}</Tag>
    ) : d.daysLeft > 0 ? (
      <Tag color={d.daysLeft <= 7 ? 'orange' : 'blue'}>
        {t('compliance.plan.daysLeft', { n: d.daysLeft })}
      </Tag>
    ) : (
      <Tag color="red">{t('compliance.plan.overdue', { n: -d.daysLeft })}</Tag>
    );
  const columns: TableColumnsType<KeyDate> = [
    {
      title: t('compliance.plan.columns.date'),
      dataIndex: 'date',
      render: (date: string, d) => (
        <>
          <Typography.Text strong>{formatDate(lang, date)}</Typography.Text>
          {d.rolledFrom ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="key-date-rolled">
                {t('compliance.plan.rolled', { from: formatDate(lang, d.rolledFrom) })}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('compliance.plan.columns.what'),
      key: 'what',
      render: (_: unknown, d) => (
        <>
          {bi(d.label)} {d.estimated ? <Tag>{t('compliance.plan.estimated')}</Tag> : null}
          {d.calendar !== 'official' ? (
            <Tooltip title={t('compliance.plan.provisional')}>
              <Tag color="gold">?</Tag>
            </Tooltip>
          ) : null}
        </>
      ),
    },
    {
      title: t('compliance.plan.columns.basis'),
      key: 'basis',
      render: (_: unknown, d) => <Typography.Text type="secondary">{bi(d.basis)}</Typography.Text>,
    },
    { title: t('compliance.plan.columns.left'), key: 'left', render: (_: unknown, d) => left(d) },
  ];
  return (
    <Table<KeyDate>
      data-testid="key-dates"
      size="small"
      rowKey="kind"
      columns={columns}
      dataSource={dates}
      pagination={false}
      locale={{ emptyText: t('compliance.plan.noKeyDates') }}
    />
  );
}

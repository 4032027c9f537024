// The Dashboard's closure columns, read from the registry without unlocking: the plan's next deadline
// (what and when, with the days left) and how many blockers the plan has. Both sortable.
import { Flex, Tag, Typography, type TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import type { VaultSummary } from '../../../../shared/contract';
import { KEY_DATE_TEXT } from '../../../../shared/compliance/key-dates';
import type { Bilingual } from '../../../../shared/bilingual';
import { currentLang } from '../../i18n';
import { formatDate } from '../../i18n/format';

const DAY = 86_400_000;
const daysFrom = (today: string, date: string) => Math.round((Date.parse(date) - Date.parse(today)) / DAY);

export function closureColumns(
  t: TFunction,
  bi: (text: Bilingual) => string,
  today: string,
): TableColumnType<VaultSummary>[] {
  const lang = currentLang();
  return [
    {
      title: t('dashboard.columns.nextDeadline'),
      key: 'nextDeadline',
      sorter: (a, b) =>
        (a.nextDeadline?.date ?? '9999-12-31').localeCompare(b.nextDeadline?.date ?? '9999-12-31'),
      render: (_: unknown, v) => {
        if (!v.nextDeadline) return '—';
        const left = daysFrom(today, v.nextDeadline.date);
        return (
          <Flex vertical gap={2} data-testid="vault-next-deadline" data-date={v.nextDeadline.date}>
            <Typography.Text>{formatDate(lang, v.nextDeadline.date)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {bi(KEY_DATE_TEXT[v.nextDeadline.kind].label)}{' '}
              <Tag color={left <= 7 ? 'orange' : 'blue'}>{t('compliance.plan.daysLeft', { n: left })}</Tag>
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('dashboard.columns.blockers'),
      key: 'blockers',
      sorter: (a, b) => (a.blockers ?? -1) - (b.blockers ?? -1),
      render: (_: unknown, v) =>
        v.blockers === null ? (
          '—'
        ) : (
          <Tag color={v.blockers ? 'red' : 'green'} data-testid="vault-blockers" data-count={v.blockers}>
            {v.blockers ? t('dashboard.blockers', { n: v.blockers }) : t('dashboard.noBlockers')}
          </Tag>
        ),
    },
  ];
}

// The client on the overview: name, credit code, stage, contact, why it closes and the key dates.
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultDetails } from '../../../../shared/contract';
import { currentLang } from '../../i18n';
import { formatDate } from '../../i18n/format';

export function ClientCard({ details }: { details: VaultDetails }) {
  const { t } = useTranslation();
  const lang = currentLang();
  // English labels are longer: give them room rather than wrap.
  const wide = lang === 'en';
  const text = (value: string | null) =>
    value ? value : <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const date = (iso: string | null | undefined) =>
    iso ? formatDate(lang, iso) : <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  return (
    <Card title={t('overview.client')} style={{ height: '100%' }} data-testid="overview-client">
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: wide ? 200 : 150 } }}
        items={[
          {
            key: 'name',
            label: t('create.clientName'),
            children: <span data-testid="overview-client-name">{details.clientName}</span>,
          },
          {
            key: 'code',
            label: t('create.creditCode'),
            children: details.creditCode ? (
              <Typography.Text code data-testid="overview-credit-code">
                {details.creditCode}
              </Typography.Text>
            ) : (
              text(null)
            ),
          },
          {
            key: 'stage',
            label: t('overview.stage'),
            children: <Tag color="blue">{t(`dashboard.stages.${details.stage}`)}</Tag>,
          },
          { key: 'contact', label: t('create.contact'), children: text(details.contact) },
          { key: 'reason', label: t('create.closureReason'), children: text(details.closureReason) },
          {
            key: 'decision',
            label: t('create.decisionDate'),
            children: date(details.keyDates.decisionDate),
          },
          {
            key: 'deregistration',
            label: t('create.deregistrationDate'),
            children: date(details.keyDates.deregistrationDate),
          },
          {
            key: 'deadline',
            label: t('create.deadline'),
            children: <span data-testid="overview-deadline">{date(details.keyDates.deadline)}</span>,
          },
        ]}
      />
    </Card>
  );
}

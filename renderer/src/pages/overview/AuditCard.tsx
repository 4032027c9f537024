// The audit chain on the overview: how many entries and the head hash, with the way to the Audit page.
import { AuditOutlined } from '@ant-design/icons';
import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultDetails } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { currentLang } from '../../i18n';
import { mono } from './mono';

export function AuditCard({ details }: { details: VaultDetails }) {
  const { t } = useTranslation();
  // English labels are longer: give them room rather than wrap.
  const wide = currentLang() === 'en';
  return (
    <Card
      title={
        <Space>
          <AuditOutlined />
          {t('overview.audit')}
        </Space>
      }
      extra={<Typography.Link onClick={() => navigateTo('audit')}>{t('overview.viewAudit')}</Typography.Link>}
      style={{ height: '100%' }}
      data-testid="overview-audit"
    >
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: wide ? 130 : 110 } }}
        items={[
          {
            key: 'entries',
            label: t('overview.entries'),
            children: <span data-testid="overview-audit-entries">{details.audit.entries}</span>,
          },
          {
            key: 'head',
            label: t('overview.head'),
            children: (
              <Typography.Text copyable={{ text: details.audit.head }} style={mono}>
                {details.audit.head}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

// The company certificate on the overview (subject, fingerprint, expiry), and a warning when the
// vault's recovery key cannot restore the company key (an older recovery key).
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultDetails } from '../../../../shared/contract';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { mono } from './mono';

export function IdentityCard({ details }: { details: VaultDetails }) {
  const { t } = useTranslation();
  const lang = currentLang();
  // English labels are longer: give them room rather than wrap.
  const wide = lang === 'en';
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('overview.identity')}
        </Space>
      }
      style={{ height: '100%' }}
      data-testid="overview-identity"
    >
      {details.identity ? (
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { width: wide ? 200 : 150 } }}
          items={[
            { key: 'subject', label: t('overview.subject'), children: details.identity.subject },
            {
              key: 'fingerprint',
              label: t('overview.fingerprint'),
              children: (
                <Typography.Text
                  copyable={{ text: details.identity.fingerprintSha256 }}
                  style={mono}
                  data-testid="overview-fingerprint"
                >
                  {details.identity.fingerprintSha256}
                </Typography.Text>
              ),
            },
            {
              key: 'notAfter',
              label: t('overview.notAfter'),
              children: formatDateTime(lang, details.identity.notAfter),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('overview.noIdentity')}</Typography.Text>
      )}
      {!details.recoveryRestoresCompanyKey ? (
        <Alert
          type="warning"
          showIcon
          title={t('overview.recoveryV1')}
          data-testid="overview-recovery-v1"
          style={{ marginTop: 12 }}
        />
      ) : null}
    </Card>
  );
}

// A user's certificate on the Users page: its status, the key's fingerprint (what owner and user compare
// before certifying), and for owners "Certify" on a key awaiting certification.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../../shared/contract';
import { api, type ErrorValue } from '../../platform/api';

const COLOURS = {
  certified: 'green',
  pending: 'gold',
  revoked: 'red',
  superseded: 'default',
  retired: 'default',
} as const;
const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 11 };

export function CertificateCell({
  user,
  canCertify,
  onCertified,
  onError,
}: {
  user: UserInfo;
  canCertify: boolean;
  onCertified: () => void;
  onError: (error: ErrorValue) => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const c = user.certificate;
  if (!c) return <Typography.Text type="secondary">{t('users.certificate.none')}</Typography.Text>;

  const certify = () =>
    void modal.confirm({
      title: t('users.certificate.certifyTitle', { name: user.name }),
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>{t('users.certificate.certifyBody', { name: user.name })}</Typography.Text>
          <Typography.Text style={MONO} data-testid="certify-fingerprint">
            {c.keyFingerprint}
          </Typography.Text>
        </Flex>
      ),
      okText: t('users.certificate.certify'),
      okButtonProps: { 'data-testid': 'certify-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await api.call('users.certify', { name: user.name, keyFingerprint: c.keyFingerprint });
        if (!result.ok) return onError(result.error);
        void message.success(t('users.certificate.certified_done', { name: user.name }));
        onCertified();
      },
    });

  return (
    <Flex vertical gap={2} data-testid="user-certificate" data-status={c.status}>
      <Flex gap={6} align="center">
        <Tag color={COLOURS[c.status]} icon={<SafetyCertificateOutlined />}>
          {t(`users.certificate.${c.status}`)}
        </Tag>
        {c.status === 'pending' && canCertify ? (
          <Button size="small" onClick={certify} data-testid="user-certify">
            {t('users.certificate.certify')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={MONO} copyable={{ text: c.keyFingerprint }}>
        {c.keyFingerprint.slice(0, 23)}…
      </Typography.Text>
    </Flex>
  );
}

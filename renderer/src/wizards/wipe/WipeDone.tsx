// The end of a wipe: what was destroyed, each verification check, and the certificate (file names and
// the SHA-256 the vault's last audit entry holds).
import { Descriptions, Flex, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WipeResult } from '../../../../shared/contract';
import { fileName } from './wipe-input';

export function WipeDone({ result }: { result: WipeResult }) {
  const { t } = useTranslation();
  const c = result.certificate;
  return (
    <Flex vertical gap={16} data-testid="wipe-done" data-kind={result.kind}>
      <Result
        status="success"
        title={t('wipe.done.title')}
        subTitle={
          <>
            {result.resumed ? `${t('wipe.done.resumed')} · ` : ''}
            <span data-testid="wipe-done-purged">
              {t('wipe.done.purged', {
                records: result.purged.records,
                anonymised: result.purged.anonymised,
              })}
            </span>
          </>
        }
      />
      {c ? (
        <Descriptions bordered size="small" column={1} data-testid="wipe-certificate">
          <Descriptions.Item label={t('wipe.done.certificate')}>
            <Flex vertical>
              {[c.pdf, c.json, c.signature, c.manifest, c.companyCertificate].map((f) => (
                <Typography.Text key={f} data-testid="wipe-certificate-file" copyable={{ text: fileName(f) }}>
                  {fileName(f)}
                </Typography.Text>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('wipe.done.sha256')}>
            <Typography.Text code data-testid="wipe-certificate-sha256">
              {c.sha256}
            </Typography.Text>
          </Descriptions.Item>
          {result.verification ? (
            <Descriptions.Item label={t('wipe.done.verification')}>
              <Flex vertical gap={4}>
                {result.verification.checks.map((k) => (
                  <span
                    key={k.name}
                    data-testid="wipe-check"
                    data-name={k.name}
                    data-ok={k.ok ? 'true' : 'false'}
                  >
                    <Tag color={k.ok ? 'success' : 'error'}>{k.ok ? '✓' : '✗'}</Tag>
                    {k.name}: {k.detail}
                  </span>
                ))}
              </Flex>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Flex>
  );
}

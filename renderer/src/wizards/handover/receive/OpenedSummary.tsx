// What a verified package holds: the sender, the signer's certificate and the certificate it was verified
// against (its fingerprint, for a phone check), the counts and fields, the first records, and the
// plaintext README that travelled beside it (shown as text; it is not covered by the signature).
import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackageOpened } from '../../../../../shared/contract';

export function OpenedSummary({ opened }: { opened: PackageOpened }) {
  const { t } = useTranslation();
  const sender = opened.bagInfo['Source-Organization'] || opened.signer.organisation || opened.trust.subject;
  const columns = opened.fields.map((key) => ({ key, dataIndex: key, title: key, ellipsis: true }));
  return (
    <Card style={{ marginBottom: 24 }} data-testid="receive-opened" data-records={opened.records}>
      <Alert
        type="success"
        showIcon
        data-testid="receive-verified"
        title={t('handover.receive.verified')}
        description={t('handover.receive.trusted', {
          subject: opened.trust.subject,
          fingerprint: opened.trust.fingerprintSha256,
        })}
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} size="small" data-testid="receive-facts">
        <Descriptions.Item>{t('handover.receive.sender', { name: sender })}</Descriptions.Item>
        <Descriptions.Item>
          {t('handover.receive.signer', {
            subject: opened.signer.subject,
            fingerprint: opened.signer.fingerprintSha256,
          })}
        </Descriptions.Item>
        {opened.signer.signingTime ? (
          <Descriptions.Item>
            {t('handover.receive.signedAt', { time: opened.signer.signingTime })}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item>
          <span data-testid="receive-counts">
            {t('handover.receive.counts', {
              records: opened.records,
              files: opened.files.length,
              fields: opened.fields.join(', '),
            })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item>
          {t('handover.receive.packageSha256', { sha256: opened.packageSha256 })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>
        {t('handover.receive.preview', { n: opened.preview.length })}
      </Typography.Title>
      <Table
        size="small"
        data-testid="receive-preview"
        rowKey={(_, i) => String(i)}
        columns={columns}
        dataSource={opened.preview}
        pagination={false}
        scroll={{ x: true }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('handover.receive.readme')}
      </Typography.Title>
      {opened.readme ? (
        <pre
          data-testid="receive-readme"
          style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap' }}
        >
          {opened.readme}
        </pre>
      ) : (
        <Typography.Text type="secondary">{t('handover.receive.noReadme')}</Typography.Text>
      )}
    </Card>
  );
}

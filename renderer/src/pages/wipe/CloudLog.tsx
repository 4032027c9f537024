// The cloud and other systems log: a service and account, what it held, deletion requested then
// confirmed (reference, account closed, a processor's confirmation, evidence hashed), and the entries.
import { Checkbox, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CloudEntry } from '../../../../shared/contract';
import {
  CLOUD_STATUSES,
  PROCESSOR_OUTCOMES,
  type CloudStatus,
  type ProcessorOutcome,
} from '../../../../shared/wipe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../platform/api';
import { LogFormEnd } from './LogFormEnd';
import { optionalText, useLogEntry } from './use-log-entry';

interface Values {
  service: string;
  account: string;
  data?: string;
  status: CloudStatus;
  reference?: string;
  accountClosed: boolean;
  processor?: ProcessorOutcome;
}

export function CloudLog({ entries, onLogged }: { entries: CloudEntry[]; onLogged: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { evidence, error, busy, attach, send } = useLogEntry(onLogged);
  const submit = (v: Values) =>
    send(
      (evidence) =>
        api.call('wipe.logCloud', {
          service: v.service.trim(),
          account: v.account.trim(),
          data: optionalText(v.data),
          status: v.status,
          reference: optionalText(v.reference),
          accountClosed: v.accountClosed || undefined,
          processor: v.processor,
          evidence,
        }),
      () => form.resetFields(),
    );
  const required = [{ required: true, whitespace: true }];

  return (
    <Flex vertical gap={16} data-testid="wipe-cloud">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('wipe.cloud.intro')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ status: 'requested', accountClosed: false }}
        onFinish={(v) => void submit(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="service" label={t('wipe.cloud.service')} rules={required}>
          <Input maxLength={100} data-testid="cloud-service" />
        </Form.Item>
        <Form.Item name="account" label={t('wipe.cloud.account')} rules={required}>
          <Input maxLength={200} data-testid="cloud-account" />
        </Form.Item>
        <Form.Item name="data" label={t('wipe.cloud.data')}>
          <Input maxLength={500} style={{ width: 220 }} data-testid="cloud-data" />
        </Form.Item>
        <Form.Item name="status" label={t('wipe.cloud.status')}>
          <Select
            style={{ width: 150 }}
            options={CLOUD_STATUSES.map((s) => ({ value: s, label: t(`wipe.cloud.statuses.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="reference" label={t('wipe.cloud.reference')}>
          <Input maxLength={200} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="processor" label={t('wipe.cloud.processor')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={PROCESSOR_OUTCOMES.map((p) => ({ value: p, label: t(`wipe.cloud.processors.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="accountClosed" valuePropName="checked">
          <Checkbox>{t('wipe.cloud.accountClosed')}</Checkbox>
        </Form.Item>
        <LogFormEnd
          log="cloud"
          evidence={evidence}
          busy={busy}
          onAttach={() => void attach()}
          submit={t('wipe.cloud.submit')}
        />
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={entries}
        data-testid="cloud-table"
        locale={{ emptyText: t('wipe.cloud.none') }}
        columns={[
          { title: t('wipe.cloud.service'), render: (_v, e) => `${e.service} / ${e.account}` },
          { title: t('wipe.cloud.data'), dataIndex: 'data' },
          {
            title: t('wipe.cloud.status'),
            render: (_v, e) =>
              [
                t(`wipe.cloud.statuses.${e.status}`),
                e.confirmedOn ?? e.requestedOn,
                e.reference ? `#${e.reference}` : '',
                e.accountClosed ? t('wipe.cloud.accountClosed') : '',
                e.processor ? t(`wipe.cloud.processors.${e.processor}`) : '',
              ]
                .filter(Boolean)
                .join(' · '),
          },
          {
            title: t('wipe.paper.evidence'),
            render: (_v, e) => e.evidence.map((f) => f.name).join(', ') || '—',
          },
        ]}
      />
    </Flex>
  );
}

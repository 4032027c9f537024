// The paper destruction log: a form for one batch (method, level or company, quantity, date, operator,
// witness, whether it held the recovery sheet, an evidence file hashed by the engine) and the batches.
import { Checkbox, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaperEntry } from '../../../../shared/contract';
import { PAPER_METHODS, SHRED_LEVELS, type PaperMethod } from '../../../../shared/wipe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../platform/api';
import { LogFormEnd } from './LogFormEnd';
import { optionalText, useLogEntry } from './use-log-entry';

interface Values {
  batch: string;
  description: string;
  sheets?: number;
  boxes?: number;
  method: PaperMethod;
  level?: (typeof SHRED_LEVELS)[number];
  particleSize?: string;
  company?: string;
  companyCertificate?: string;
  date: string;
  operator?: string;
  witness: string;
  recoverySheet: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

export function PaperLog({ entries, onLogged }: { entries: PaperEntry[]; onLogged: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const { evidence, error, busy, attach, send } = useLogEntry(onLogged);
  const submit = (v: Values) =>
    send(
      (evidence) =>
        api.call('wipe.logPaper', {
          ...v,
          description: v.description.trim(),
          particleSize: optionalText(v.particleSize),
          company: optionalText(v.company),
          companyCertificate: optionalText(v.companyCertificate),
          operator: optionalText(v.operator),
          evidence,
        }),
      () => form.resetFields(),
    );
  const required = [{ required: true, whitespace: true }];

  return (
    <Flex vertical gap={16} data-testid="wipe-paper">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('wipe.paper.intro')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{
          method: 'shredder',
          level: 'P-4',
          date: today(),
          recoverySheet: false,
          description: '',
        }}
        onFinish={(v) => void submit(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="batch" label={t('wipe.paper.batch')} rules={required}>
          <Input maxLength={100} data-testid="paper-batch" />
        </Form.Item>
        <Form.Item name="description" label={t('wipe.paper.description')} rules={required}>
          <Input maxLength={500} style={{ width: 220 }} data-testid="paper-description" />
        </Form.Item>
        <Form.Item name="sheets" label={t('wipe.paper.sheets')}>
          <InputNumber min={1} data-testid="paper-sheets" />
        </Form.Item>
        <Form.Item name="boxes" label={t('wipe.paper.boxes')}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="method" label={t('wipe.paper.method')}>
          <Select
            style={{ width: 160 }}
            options={PAPER_METHODS.map((m) => ({ value: m, label: t(`wipe.paper.methods.${m}`) }))}
          />
        </Form.Item>
        {method === 'shredder' ? (
          <Form.Item name="level" label={t('wipe.paper.level')}>
            <Select style={{ width: 90 }} options={SHRED_LEVELS.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        ) : null}
        {method === 'shredder' ? (
          <Form.Item name="particleSize" label={t('wipe.paper.particleSize')}>
            <Input maxLength={50} style={{ width: 120 }} />
          </Form.Item>
        ) : null}
        {method === 'destruction-company' ? (
          <>
            <Form.Item name="company" label={t('wipe.paper.company')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="companyCertificate" label={t('wipe.paper.companyCertificate')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="date"
          label={t('wipe.paper.date')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
        >
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="operator" label={t('wipe.paper.operator')}>
          <Input maxLength={100} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="witness" label={t('wipe.paper.witness')} rules={required}>
          <Input maxLength={100} style={{ width: 120 }} data-testid="paper-witness" />
        </Form.Item>
        <Form.Item name="recoverySheet" valuePropName="checked">
          <Checkbox data-testid="paper-recovery-sheet">{t('wipe.paper.recoverySheet')}</Checkbox>
        </Form.Item>
        <LogFormEnd
          log="paper"
          evidence={evidence}
          busy={busy}
          onAttach={() => void attach()}
          submit={t('wipe.paper.submit')}
        />
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={entries}
        data-testid="paper-table"
        locale={{ emptyText: t('wipe.paper.none') }}
        columns={[
          { title: t('wipe.paper.date'), dataIndex: 'date', width: 110 },
          { title: t('wipe.paper.batch'), render: (_v, p) => `${p.batch}${p.recoverySheet ? ' 🔑' : ''}` },
          {
            title: t('wipe.paper.method'),
            render: (_v, p) =>
              [t(`wipe.paper.methods.${p.method}`), p.level, p.company].filter(Boolean).join(' · '),
          },
          { title: t('wipe.paper.witness'), render: (_v, p) => `${p.operator} / ${p.witness}` },
          {
            title: t('wipe.paper.evidence'),
            render: (_v, p) => (p.evidence ? `${p.evidence.name} ${p.evidence.sha256.slice(0, 12)}…` : '—'),
          },
        ]}
      />
    </Flex>
  );
}

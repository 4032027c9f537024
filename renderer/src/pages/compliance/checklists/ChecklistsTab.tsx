// The checklists: which regimes apply, every item evaluated from the vault's evidence or answered by
// hand, and the company's own items.
import { App, Button, Divider, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, OpInput } from '../../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOperation } from '../../../hooks/use-operation';
import { api, type ErrorValue } from '../../../platform/api';
import { useSession } from '../../../session/session-context';
import { AnswerModal } from './AnswerModal';
import { ApplicabilityCard } from './ApplicabilityCard';
import { ChecklistTable } from './ChecklistTable';

export function ChecklistsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const { state, reload } = useOperation('compliance.checklist', {});
  const [answering, setAnswering] = useState<ChecklistItem | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [form] = Form.useForm<OpInput<'compliance.saveItem'>>();
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  if (state.status === 'loading') return <Skeleton active />;
  const list = state.value;
  const done = async (result: Promise<{ ok: boolean; error?: ErrorValue }>) => {
    setError(null);
    const r = await result;
    if (!r.ok) {
      setError(r.error ?? null);
      return false;
    }
    void message.success(t('compliance.saved'));
    reload();
    return true;
  };
  const s = list.summary;
  return (
    <Flex vertical gap={16} data-testid="checklists-tab">
      {error ? <ErrorAlert error={error} /> : null}
      <ApplicabilityCard
        key={list.at}
        applicability={list.applicability}
        canSave={can('compliance.setApplicability')}
        onSave={(choice) => done(api.call('compliance.setApplicability', choice))}
      />
      <Typography.Text strong data-testid="checklist-summary">
        {t('compliance.checklists.summary', {
          met: s.met,
          notMet: s['not-met'],
          na: s['not-applicable'],
          open: s.open,
        })}
      </Typography.Text>
      <ChecklistTable
        items={list.items}
        canAnswer={can('compliance.answer')}
        canRemove={can('compliance.removeItem')}
        onAnswer={setAnswering}
        onRemove={(item) => void done(api.call('compliance.removeItem', { id: item.id }))}
      />
      {can('compliance.saveItem') ? (
        <>
          <Divider style={{ margin: '4px 0' }} />
          <Typography.Text strong>{t('compliance.checklists.companyTitle')}</Typography.Text>
          <Form
            form={form}
            layout="inline"
            onFinish={async (v) => {
              if (await done(api.call('compliance.saveItem', v))) form.resetFields();
            }}
          >
            <Form.Item name="title" rules={[{ required: true, whitespace: true }]}>
              <Input
                placeholder={t('compliance.checklists.itemTitle')}
                maxLength={300}
                style={{ width: 320 }}
                data-testid="company-item-title"
              />
            </Form.Item>
            <Form.Item name="description">
              <Input
                placeholder={t('compliance.checklists.itemDescription')}
                maxLength={2000}
                style={{ width: 320 }}
              />
            </Form.Item>
            <Button htmlType="submit" data-testid="company-item-add">
              {t('compliance.checklists.addItem')}
            </Button>
          </Form>
        </>
      ) : null}
      <AnswerModal
        item={answering}
        onCancel={() => setAnswering(null)}
        onAnswer={async (answer) => {
          const r = await api.call('compliance.answer', answer);
          if (!r.ok) return r.error;
          void message.success(t('compliance.saved'));
          reload();
          return null;
        }}
      />
    </Flex>
  );
}

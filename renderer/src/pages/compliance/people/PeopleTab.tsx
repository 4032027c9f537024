// People and training: who holds which duty in the closure, their confidentiality undertakings, and
// the training and briefing log.
import { App, Button, Flex, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_DUTIES, type ClosurePerson, type OpInput } from '../../../../../shared/contract';
import { DUTY_TEXT } from '../../../../../shared/compliance/labels';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOperation } from '../../../hooks/use-operation';
import { useBi } from '../../../i18n/bilingual';
import { baseName } from '../../../i18n/format';
import { api, type ErrorValue, type Result } from '../../../platform/api';
import { safeFileName } from '../../../platform/dialogs';
import { useSession } from '../../../session/session-context';
import { useWritten } from '../use-written';
import { PeopleTable } from './PeopleTable';
import { TrainingLog } from './TrainingLog';
import { UndertakingModal } from './UndertakingModal';

export function PeopleTab() {
  const { t } = useTranslation();
  const bi = useBi();
  const { message } = App.useApp();
  const { can } = useSession();
  const { state, reload } = useOperation('people.list', {});
  const [recording, setRecording] = useState<ClosurePerson | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const printed = useWritten();
  const [form] = Form.useForm<OpInput<'people.save'>>();
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  if (state.status === 'loading') return <Skeleton active />;
  const { people, training } = state.value;
  const done = async (result: Promise<Result<unknown>>) => {
    setError(null);
    const r = await result;
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    void message.success(t('compliance.saved'));
    reload();
    return true;
  };
  const print = (p: ClosurePerson) =>
    printed.write(
      { kind: 'save', purpose: 'compliance', suggestedName: `${safeFileName(p.name, 'undertaking')}.pdf` },
      (out) => api.call('people.writeUndertaking', { id: p.id, out: { handle: out.handle } }),
      (v) => [v.path],
    );

  return (
    <Flex vertical gap={12} data-testid="people-tab">
      {error ? <ErrorAlert error={error} /> : null}
      {printed.error ? <ErrorAlert error={printed.error} /> : null}
      <Typography.Text strong>{t('compliance.people.peopleTitle')}</Typography.Text>
      <PeopleTable
        people={people}
        canEdit={can('people.save')}
        onPrint={(p) => void print(p)}
        onRecord={setRecording}
        onRemove={(p) => void done(api.call('people.remove', { id: p.id }))}
      />
      {printed.files ? (
        <Typography.Text data-testid="undertaking-written">
          {t('compliance.evidence.reportWritten')}{' '}
          <Typography.Text code>{printed.files.map(baseName).join(', ')}</Typography.Text>
        </Typography.Text>
      ) : null}
      {can('people.save') ? (
        <Form
          form={form}
          layout="inline"
          initialValues={{ duty: 'liquidator' }}
          onFinish={async (v) => {
            if (await done(api.call('people.save', v))) form.resetFields();
          }}
        >
          <Form.Item name="name" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('compliance.people.name')} maxLength={100} data-testid="person-name" />
          </Form.Item>
          <Form.Item name="duty">
            <Select
              style={{ width: 220 }}
              options={CLOSURE_DUTIES.map((d) => ({ value: d, label: bi(DUTY_TEXT[d]) }))}
            />
          </Form.Item>
          <Form.Item name="organisation">
            <Input placeholder={t('compliance.people.organisation')} maxLength={200} />
          </Form.Item>
          <Form.Item name="contact">
            <Input placeholder={t('compliance.people.contact')} maxLength={200} />
          </Form.Item>
          <Button htmlType="submit" data-testid="person-add">
            {t('compliance.people.add')}
          </Button>
        </Form>
      ) : null}
      <Typography.Text strong style={{ marginTop: 12 }}>
        {t('compliance.people.trainingTitle')}
      </Typography.Text>
      <TrainingLog
        training={training}
        people={people}
        canAdd={can('people.addTraining')}
        onAdd={(v) => done(api.call('people.addTraining', v))}
      />
      <UndertakingModal
        person={recording}
        onCancel={() => setRecording(null)}
        onRecord={async (signedOn, file) => {
          const ok = await done(
            api.call('people.recordUndertaking', {
              id: recording!.id,
              signedOn,
              ...(file ? { file: { handle: file.handle } } : {}),
            }),
          );
          if (ok) setRecording(null);
          return ok;
        }}
      />
    </Flex>
  );
}

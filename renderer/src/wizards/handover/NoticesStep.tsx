// Step 5: the customer notices: the objection deadline, the reason and the contact after the closure
// (the vault's by default), written as PDF letters (zh/en per customer; merged, one each, or none for a
// large mailing), a mail-merge CSV, SMS texts and an announcement into a chosen folder; then each customer's tracking (sent, delivered, bounced).
import { Alert, Button, Flex, Form, Input, Radio } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { OpInput } from '../../../../shared/contract';

import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { chooseFile } from '../../platform/dialogs';
import { NoticeTracking } from './NoticeTracking';
import type { StepProps } from './use-handover';

interface Values {
  deadline: string;
  reason?: string;
  afterClosureContact?: string;
  letters: Letters;
}

type Letters = OpInput<'handover.notices'>['letters'];
const LETTERS = ['merged', 'each', 'none'] as const satisfies readonly Letters[];

export function NoticesStep({ detail, onChanged }: StepProps) {
  const { t } = useTranslation();
  const job = useJob('handover.notices');
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => {
    setGeneration((n) => n + 1);
    onChanged();
  }, [onChanged]);
  useOnFinished(job.state, refresh);

  const write = async (v: Values) => {
    const folder = await chooseFile({ kind: 'folder', purpose: 'handover-output' });
    if (!folder.ok || !folder.value) return;
    job.start({
      handoverId: detail.handoverId,
      out: { handle: folder.value.handle },
      letters: v.letters,
      settings: {
        deadline: v.deadline,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        ...(v.afterClosureContact?.trim() ? { afterClosureContact: v.afterClosureContact.trim() } : {}),
      },
    });
  };

  const n = detail.notice;
  const done = job.state.status === 'finished' ? job.state.value : undefined;
  return (
    <>
      <Form<Values>
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={(v) => void write(v)}
        initialValues={{
          deadline: n?.deadline,
          reason: n?.reason,
          afterClosureContact: n?.afterClosureContact,
          letters: 'merged',
        }}
      >
        <Form.Item name="deadline" label={t('handover.notices.deadline')} rules={[{ required: true }]}>
          <Input type="date" data-testid="handover-deadline" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('handover.notices.reason')}>
          <Input.TextArea rows={2} data-testid="handover-notice-reason" />
        </Form.Item>
        <Form.Item name="afterClosureContact" label={t('handover.notices.contactAfter')}>
          <Input data-testid="handover-notice-contact" />
        </Form.Item>
        <Form.Item name="letters" label={t('handover.notices.letters')}>
          <Radio.Group>
            {LETTERS.map((l) => (
              <Radio key={l} value={l} data-testid={`handover-notices-letters-${l}`}>
                {t(`handover.notices.letterModes.${l}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            loading={job.state.status === 'running'}
            data-testid="handover-notices-write"
          >
            {t('handover.notices.write')}
          </Button>
        </Flex>
      </Form>
      {job.state.status !== 'idle' ? (
        <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
      ) : null}
      {job.state.status === 'finished' && job.state.error ? <ErrorAlert error={job.state.error} /> : null}
      {done ? (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          data-testid="handover-notices-written"
          title={t('handover.notices.written', {
            customers: done.customers,
            letters: done.letters.length,
            sms: done.smsParts,
          })}
        />
      ) : null}
      {n ? <NoticeTracking key={generation} handoverId={detail.handoverId} onChanged={onChanged} /> : null}
    </>
  );
}

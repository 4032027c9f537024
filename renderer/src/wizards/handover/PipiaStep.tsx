// Step 4: the PIPIA, prefilled from the vault (what data, how many people, sensitive kinds, minors,
// regions, fields, purposes); the owner writes the necessity, measures, conclusion and custodian, approves
// it, and writes its zh/en PDF. No package can be built before approval.
import { Alert, Button, Descriptions, Flex, Form, Input, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipiaRecord } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { chooseFile } from '../../platform/dialogs';
import { useSession } from '../../session/session-context';
import { useAction, type StepProps } from './use-handover';

interface Values {
  necessity: string;
  measures: string;
  conclusion: string;
  custodian: string;
}

export function PipiaStep({ detail, onChanged }: StepProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const action = useAction();
  const { run } = action;
  const [form] = Form.useForm<Values>();
  const [pipia, setPipia] = useState<PipiaRecord | null>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  const owner = session?.role === 'owner';

  useEffect(() => {
    void run('handover.pipia', { handoverId: detail.handoverId, approve: false }).then((p) => {
      if (!p) return;
      setPipia(p);
      form.setFieldsValue(p.answers);
    });
  }, [run, detail.handoverId, form]);

  const submit = async (approve: boolean, out?: { handle: string }) => {
    const answers = form.getFieldsValue();
    const p = await run('handover.pipia', {
      handoverId: detail.handoverId,
      answers,
      approve,
      ...(out ? { out } : {}),
    });
    if (!p) return;
    setPipia(p);
    if (p.files) setPdf(p.files.pdf.split(/[\\/]/).pop() ?? null);
    onChanged();
  };

  const writePdf = async () => {
    const folder = await chooseFile({ kind: 'folder', purpose: 'handover-output' });
    if (folder.ok && folder.value) await submit(false, { handle: folder.value.handle });
  };

  const s = detail.selection;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('handover.pipia.facts')}
        data-testid="handover-pipia-facts"
      >
        <Descriptions.Item label="1">{t('handover.pipia.records', { ...s })}</Descriptions.Item>
        <Descriptions.Item label="2">{t('handover.pipia.people', { ...s })}</Descriptions.Item>
        <Descriptions.Item label="3">
          {t('handover.pipia.fields', { fields: detail.fields.join(', ') })}
        </Descriptions.Item>
      </Descriptions>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 720, marginTop: 16 }}>
        {(['necessity', 'measures', 'conclusion'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`handover.pipia.${k}`)}>
            <Input.TextArea rows={2} data-testid={`handover-pipia-${k}`} />
          </Form.Item>
        ))}
        <Form.Item name="custodian" label={t('handover.pipia.custodian')}>
          <Input data-testid="handover-pipia-custodian" />
        </Form.Item>
      </Form>
      <div data-testid="handover-pipia-status" data-approved={String(!!pipia?.approvedAt && !pipia.stale)}>
        {pipia?.approvedAt ? (
          <Tag color={pipia.stale ? 'orange' : 'green'}>
            {pipia.stale
              ? t('handover.pipia.stale')
              : t('handover.pipia.approved', { by: pipia.approvedBy, at: pipia.approvedAt.slice(0, 16) })}
          </Tag>
        ) : (
          <Tag>{t('handover.pipia.notApproved')}</Tag>
        )}
      </div>
      {!owner ? (
        <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('handover.pipia.ownersOnly')} />
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button onClick={() => void submit(false)} loading={action.busy} data-testid="handover-pipia-save">
          {t('handover.pipia.save')}
        </Button>
        <Button
          type="primary"
          disabled={!owner}
          onClick={() => void submit(true)}
          data-testid="handover-pipia-approve"
        >
          {t('handover.pipia.approve')}
        </Button>
        <Button onClick={() => void writePdf()} data-testid="handover-pipia-pdf">
          {t('handover.pipia.pdf')}
        </Button>
      </Flex>
      {pdf ? (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          data-testid="handover-pipia-written"
          title={t('handover.pipia.pdfWritten', { file: pdf })}
        />
      ) : null}
    </>
  );
}

// Step 3: the agreement (parties are the vault and the recipient; date, purposes, scope, retention, the
// recipient's four undertakings) with its signed PDF kept encrypted in the vault, and the vetting
// checklist with hashed evidence files.
import { Alert, Button, Checkbox, Divider, Flex, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../shared/contract';
import { VETTING_ITEMS, type VettingItem } from '../../../../shared/handover';
import { ErrorAlert } from '../../components/ErrorAlert';
import { chooseFile } from '../../platform/dialogs';
import { useAction, type StepProps } from './use-handover';

interface Values {
  signedOn: string;
  purposes: string;
  scope: string;
  retention: string;
}

const UNDERTAKINGS = {
  confidentiality: true,
  securityMeasures: true,
  noFurtherTransfer: true,
  deletionOnRequest: true,
} as const;

export function AgreementStep({ detail, onChanged }: StepProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const a = detail.agreement;

  const pickFile = async () => {
    const picked = await chooseFile({ kind: 'open', purpose: 'handover-document' });
    if (picked.ok && picked.value) setFile(picked.value);
  };

  const save = async (v: Values) => {
    const done = await action.run('handover.agreement', {
      handoverId: detail.handoverId,
      signedOn: v.signedOn,
      terms: { purposes: v.purposes, scope: v.scope, retention: v.retention, undertakings: UNDERTAKINGS },
      ...(file ? { file: { handle: file.handle } } : {}),
    });
    if (done) onChanged();
  };

  const vet = async (item: VettingItem, done: boolean, evidence: ChosenFile[] = []) => {
    const current = detail.vetting.find((v) => v.item === item);
    const ok = await action.run('handover.vetting', {
      handoverId: detail.handoverId,
      item,
      done,
      note: current?.note ?? '',
      evidence: evidence.map((e) => ({ handle: e.handle })),
    });
    if (ok) onChanged();
  };

  const addEvidence = async (item: VettingItem, done: boolean) => {
    const picked = await chooseFile({ kind: 'open', purpose: 'handover-document' });
    if (picked.ok && picked.value) await vet(item, done, [picked.value]);
  };

  return (
    <>
      <Typography.Title level={5}>{t('handover.agreement.title')}</Typography.Title>
      <Form<Values>
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={(v) => void save(v)}
        initialValues={{
          signedOn: a?.signedOn,
          purposes: a?.terms.purposes,
          scope: a?.terms.scope,
          retention: a?.terms.retention,
        }}
      >
        <Form.Item name="signedOn" label={t('handover.agreement.signedOn')} rules={[{ required: true }]}>
          <Input type="date" data-testid="handover-signed-on" style={{ width: 200 }} />
        </Form.Item>
        {(['purposes', 'scope', 'retention'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`handover.agreement.${k}`)} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid={`handover-agreement-${k}`} />
          </Form.Item>
        ))}
        <Alert
          type="info"
          showIcon
          title={t('handover.agreement.undertakings')}
          style={{ marginBottom: 16 }}
        />
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Button onClick={() => void pickFile()} data-testid="handover-agreement-file">
            {t('handover.agreement.file')}
          </Button>
          <Typography.Text type="secondary">{file?.name}</Typography.Text>
        </Flex>
        {a ? (
          <Typography.Paragraph data-testid="handover-agreement-recorded">
            {t('handover.agreement.recorded', { date: a.signedOn })}
            {a.file
              ? ` · ${t('handover.agreement.fileKept', { name: a.file.name, sha256: a.file.sha256 })}`
              : ''}
          </Typography.Paragraph>
        ) : null}
        <Button type="primary" htmlType="submit" loading={action.busy} data-testid="handover-agreement-save">
          {t('handover.agreement.save')}
        </Button>
      </Form>
      <Divider />
      <Typography.Title level={5}>{t('handover.agreement.vetting')}</Typography.Title>
      <List
        data-testid="handover-vetting"
        dataSource={[...VETTING_ITEMS]}
        renderItem={(item) => {
          const v = detail.vetting.find((x) => x.item === item);
          return (
            <List.Item
              data-testid={`handover-vetting-${item}`}
              actions={[
                <Button key="e" size="small" onClick={() => void addEvidence(item, v?.done ?? false)}>
                  {t('handover.agreement.evidence')}
                </Button>,
              ]}
            >
              <Checkbox
                checked={v?.done ?? false}
                onChange={(e) => void vet(item, e.target.checked)}
                data-testid={`handover-vetting-${item}-done`}
              >
                {t(`handover.agreement.items.${item}`)}
              </Checkbox>
              {v?.evidence.length ? (
                <Typography.Text type="secondary">
                  {t('handover.agreement.evidenceCount', { count: v.evidence.length })}
                </Typography.Text>
              ) : null}
            </List.Item>
          );
        }}
      />
      {action.error ? <ErrorAlert error={action.error} /> : null}
    </>
  );
}

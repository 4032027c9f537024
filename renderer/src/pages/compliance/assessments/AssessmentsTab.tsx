// The PIPIA (PIPL Arts. 55–56) and the DPIA (GDPR Art. 35): prefilled from the vault, edited, approved
// by an owner (frozen and archived for at least three years), exported as signed PDF and JSON.
import { App, Button, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiMessages } from '../../../i18n/zh-CN';
import type { AssessmentKind } from '../../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOperation } from '../../../hooks/use-operation';
import { useBi } from '../../../i18n/bilingual';
import { baseName } from '../../../i18n/format';
import { api, type ErrorValue } from '../../../platform/api';
import { useSession } from '../../../session/session-context';
import { useWritten } from '../use-written';
import { AssessmentFacts } from './AssessmentFacts';
import { AssessmentForm } from './AssessmentForm';

export function AssessmentsTab() {
  const { t } = useTranslation();
  const bi = useBi();
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const [kind, setKind] = useState<AssessmentKind>('pipia');
  const { state, reload } = useOperation('assessments.get', { kind });
  const [error, setError] = useState<ErrorValue | null>(null);
  const written = useWritten();
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  const a = state.status === 'ok' ? state.value : null;
  const after = (r: { ok: true } | { ok: false; error: ErrorValue }, text: string) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    void message.success(text);
    reload();
  };
  const approve = () =>
    modal.confirm({
      title: t('compliance.assessments.approveTitle'),
      content: t('compliance.assessments.approveBody'),
      okText: t('compliance.assessments.approve'),
      cancelText: t('common.cancel'),
      onOk: async () =>
        after(await api.call('assessments.approve', { kind }), t('compliance.assessments.approved')),
    });
  const label = (key: keyof UiMessages['compliance']['assessments']['fields']) =>
    t(`compliance.assessments.fields.${key}`);

  return (
    <Flex vertical gap={12} data-testid="assessments-tab">
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as AssessmentKind)}
        options={[
          { value: 'pipia', label: 'PIPIA' },
          { value: 'dpia', label: 'DPIA' },
        ]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {written.error ? <ErrorAlert error={written.error} /> : null}
      {!a ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12} key={`${kind}-${a.version}-${a.status}`} data-status={a.status}>
          <Flex gap={8} wrap align="center">
            <Tag color={a.required ? 'red' : 'default'}>
              {a.required ? t('compliance.assessments.required') : t('compliance.assessments.notRequired')}
            </Tag>
            <Typography.Text type="secondary">{bi(a.requiredBecause)}</Typography.Text>
            <Tag color={a.status === 'approved' ? 'green' : 'blue'} data-testid="assessment-status">
              {t(`compliance.assessments.status.${a.status}`)}
            </Tag>
            {a.version ? <Tag>{t('compliance.assessments.version', { n: a.version })}</Tag> : null}
          </Flex>
          {a.approvedAt ? (
            <Typography.Text type="success">
              {t('compliance.assessments.approvedBy', {
                by: a.approvedBy ?? '—',
                date: a.approvedAt.slice(0, 10),
                until: a.keepUntil ?? '—',
              })}
            </Typography.Text>
          ) : null}
          <Typography.Text strong>{t('compliance.assessments.factsTitle')}</Typography.Text>
          <AssessmentFacts facts={a.facts} />
          {a.missing.length ? (
            <Typography.Text type="warning">
              {t('compliance.assessments.missing', {
                fields: a.missing
                  .map((m) => label(m as keyof UiMessages['compliance']['assessments']['fields']))
                  .join(', '),
              })}
            </Typography.Text>
          ) : null}
          <AssessmentForm
            body={a.body}
            canSave={can('assessments.save')}
            onSave={async (body) =>
              after(await api.call('assessments.save', { kind, body }), t('compliance.saved'))
            }
          />
          <Flex gap={8}>
            {can('assessments.approve') && a.status === 'draft' ? (
              <Button
                type="primary"
                disabled={a.missing.length > 0}
                onClick={approve}
                data-testid="assessment-approve"
              >
                {t('compliance.assessments.approve')}
              </Button>
            ) : null}
            <Button
              loading={written.busy}
              onClick={() =>
                void written.write(
                  { kind: 'folder', purpose: 'compliance' },
                  (dir) => api.call('assessments.write', { kind, dir: { handle: dir.handle } }),
                  (v) => [v.pdf, v.json, v.signature],
                )
              }
              data-testid="assessment-write"
            >
              {t('compliance.assessments.write')}
            </Button>
          </Flex>
          {written.files ? (
            <Typography.Text>
              {t('compliance.assessments.written')}{' '}
              <Typography.Text code>{written.files.map(baseName).join(', ')}</Typography.Text>
            </Typography.Text>
          ) : null}
        </Flex>
      )}
    </Flex>
  );
}

// Steps 7 and 8: the fields that travel (minimisation: a change needs the PIPIA approved again), then the
// package: BagIt bag → tar → signed → encrypted, written into a chosen folder with its README. Before the
// objection deadline only an owner may build, with a written reason (audited).
import { Alert, Button, Checkbox, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { HANDOVER_FIELDS, type HandoverField } from '../../../../shared/handover';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { chooseFile } from '../../platform/dialogs';
import { useAction, type StepProps } from './use-handover';

export function PackageStep({ detail, onChanged }: StepProps) {
  const { t } = useTranslation();
  const action = useAction();
  const job = useJob('handover.package');
  const [fields, setFields] = useState<HandoverField[]>(detail.fields);
  const [override, setOverride] = useState('');
  const [password, setPassword] = useState('');
  useOnFinished(job.state, onChanged);

  const changedFields = [...fields].sort().join() !== [...detail.fields].sort().join();
  const saveFields = async () => {
    const next = await action.run('handover.update', { handoverId: detail.handoverId, fields });
    if (next) onChanged(next);
  };

  const build = async () => {
    const folder = await chooseFile({ kind: 'folder', purpose: 'handover-package' });
    if (!folder.ok || !folder.value) return;
    job.start({
      handoverId: detail.handoverId,
      out: { handle: folder.value.handle },
      ...(override.trim() ? { overrideDeadline: override.trim() } : {}),
      ...(detail.keyMode === 'password' ? { password } : {}),
      cipher: 'aes-256-gcm',
    });
  };

  const built = job.state.status === 'finished' ? job.state.value : undefined;
  const label = (f: HandoverField) => (f === 'extra' ? t('handover.package.extra') : t(`fields.${f}`));
  return (
    <>
      <Typography.Title level={5}>{t('handover.package.fields')}</Typography.Title>
      <Checkbox.Group
        data-testid="handover-fields"
        value={fields}
        onChange={(v) => setFields(v as HandoverField[])}
        options={HANDOVER_FIELDS.map((f) => ({ value: f, label: label(f) }))}
      />
      {changedFields ? (
        <div style={{ marginTop: 8 }}>
          <Button onClick={() => void saveFields()} loading={action.busy} data-testid="handover-fields-save">
            {t('handover.package.saveFields')}
          </Button>
        </div>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {detail.progress.blockers.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="handover-blockers"
          title={t('handover.blockers.title')}
          description={
            <ul style={{ margin: 0 }}>
              {detail.progress.blockers.map((b) => (
                <li key={b} data-blocker={b}>
                  {t(`handover.blockers.${b}`)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {!detail.progress.deadlinePassed ? (
        <Input.TextArea
          rows={2}
          style={{ marginTop: 16, maxWidth: 640 }}
          placeholder={t('handover.package.override')}
          value={override}
          onChange={(e) => setOverride(e.target.value)}
          data-testid="handover-override"
        />
      ) : null}
      {detail.keyMode === 'password' ? (
        <Input.Password
          style={{ marginTop: 16, maxWidth: 320, display: 'block' }}
          placeholder={t('handover.package.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="handover-package-password"
        />
      ) : null}
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={changedFields}
          loading={job.state.status === 'running'}
          onClick={() => void build()}
          data-testid="handover-build"
        >
          {t('handover.package.build')}
        </Button>
      </Flex>
      {job.state.status !== 'idle' ? (
        <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
      ) : null}
      {job.state.status === 'finished' && job.state.error ? <ErrorAlert error={job.state.error} /> : null}
      {built ? (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          data-testid="handover-built"
          data-records={built.records}
          title={t('handover.package.built', { file: built.path.split(/[\\/]/).pop() })}
          description={
            <>
              <div>{t('handover.package.details', { records: built.records, sha256: built.sha256 })}</div>
              <div>{t('handover.package.readme')}</div>
            </>
          }
        />
      ) : null}
    </>
  );
}

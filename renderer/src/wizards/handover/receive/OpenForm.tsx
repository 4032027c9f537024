// Which package, which sender certificate to trust (the .sender.pem beside it by default), and what opens
// it: the recipient kit (PKCS#12) with its password, or the package password. "Open and verify" runs
// handover.open without a target vault: decrypt, verify, preview.
import { Button, Flex, Input, Radio, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile, FilePurpose, PackageOpened } from '../../../../../shared/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useJob } from '../../../hooks/use-job';
import { chooseFile } from '../../../platform/dialogs';

/** A button that opens a file dialog, and the name of the file chosen with it. */
export function ChosenFileRow({
  label,
  chosen,
  onClick,
  testId,
}: {
  label: string;
  chosen: string | null;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Flex gap={8} align="center" wrap>
      <Button onClick={onClick} data-testid={testId}>
        {label}
      </Button>
      {chosen ? <Typography.Text>{chosen}</Typography.Text> : null}
    </Flex>
  );
}

/** What opens the package, as the engine's inputs take it (handles and the password only). */
export interface Credential {
  package: { handle: string };
  trust?: { handle: string };
  pkcs12?: { handle: string };
  password: string;
}

export function OpenForm({
  onOpened,
  onChanged,
}: {
  onOpened: (credential: Credential, opened: PackageOpened) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const job = useJob('handover.open');
  const [pkg, setPkg] = useState<ChosenFile | null>(null);
  const [trust, setTrust] = useState<ChosenFile | null>(null);
  const [kit, setKit] = useState<ChosenFile | null>(null);
  const [mode, setMode] = useState<'kit' | 'password'>('kit');
  const [password, setPassword] = useState('');

  const choose = async (purpose: FilePurpose, set: (f: ChosenFile) => void) => {
    const picked = await chooseFile({ kind: 'open', purpose });
    if (picked.ok && picked.value) {
      set(picked.value);
      onChanged();
    }
  };

  const credential = (): Credential | null =>
    pkg && password && (mode === 'password' || kit)
      ? {
          package: { handle: pkg.handle },
          ...(trust ? { trust: { handle: trust.handle } } : {}),
          ...(mode === 'kit' && kit ? { pkcs12: { handle: kit.handle } } : {}),
          password,
        }
      : null;

  const started = useRef<Credential | null>(null);
  const open = () => {
    const c = credential();
    if (!c) return;
    started.current = c;
    job.start(c);
  };
  const running = job.state.status === 'running';
  const finished = job.state.status === 'finished' ? job.state : null;
  const value = finished?.value;
  useEffect(() => {
    // Handed up once per finished run, with the credential it was started with.
    if (value && started.current) onOpened(started.current, value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      <ChosenFileRow
        label={t('handover.receive.package')}
        chosen={pkg ? t('handover.receive.packageChosen', { file: pkg.name }) : null}
        onClick={() => void choose('handover-package', setPkg)}
        testId="receive-package"
      />
      <ChosenFileRow
        label={t('handover.receive.trust')}
        chosen={trust ? t('handover.receive.trustChosen', { file: trust.name }) : null}
        onClick={() => void choose('handover-certificate', setTrust)}
        testId="receive-trust"
      />
      <Typography.Text strong>{t('handover.receive.credential')}</Typography.Text>
      <Radio.Group
        value={mode}
        onChange={(e) => {
          setMode(e.target.value as 'kit' | 'password');
          onChanged();
        }}
        data-testid="receive-mode"
      >
        <Radio value="kit" data-testid="receive-mode-kit">
          {t('handover.receive.byKit')}
        </Radio>
        <Radio value="password" data-testid="receive-mode-password">
          {t('handover.receive.byPassword')}
        </Radio>
      </Radio.Group>
      {mode === 'kit' ? (
        <ChosenFileRow
          label={t('handover.receive.kit')}
          chosen={kit ? t('handover.receive.kitChosen', { file: kit.name }) : null}
          onClick={() => void choose('handover-key', setKit)}
          testId="receive-kit"
        />
      ) : null}
      <Input.Password
        style={{ maxWidth: 320 }}
        placeholder={t('handover.receive.password')}
        value={password}
        autoComplete="off"
        onChange={(e) => {
          setPassword(e.target.value);
          onChanged();
        }}
        data-testid="receive-password"
      />
      <div>
        <Button
          type="primary"
          disabled={!credential()}
          loading={running}
          onClick={open}
          data-testid="receive-open"
        >
          {t('handover.receive.open')}
        </Button>
      </div>
      {job.state.status !== 'idle' ? (
        <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
      ) : null}
      {finished?.error ? <ErrorAlert error={finished.error} /> : null}
    </Flex>
  );
}

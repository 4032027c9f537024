// The unlock screen for a vault in the registry (by id) or a vault file chosen in a dialog (by handle):
// user name and passphrase, or the recovery key with live per-group checking. Says why the vault was
// locked when it was locked under the person's hands.
import { FileOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Result, Skeleton, Switch, theme, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput, VaultRef } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecoveryKeyInput } from '../components/RecoveryKeyInput';
import { recoveryKeyFeedback } from '../components/recovery-key-groups';
import { useOperation } from '../hooks/use-operation';
import { baseName } from '../i18n/format';
import { api, type ErrorValue } from '../platform/api';
import { readLastUser, rememberLastUser } from '../session/last-user';
import { useSession, type LockNotice } from '../session/session-context';

interface Target {
  ref: VaultRef;
  clientName: string | null;
  fileName: string;
  missing: boolean;
}

interface FormValues {
  userName?: string;
  passphrase?: string;
  recoveryKey?: string;
}

/** When an UNLOCK_THROTTLED refusal lets the next attempt through (ms since the epoch), or 0. */
function throttledUntil(error: ErrorValue | null): number {
  if (error?.code !== 'UNLOCK_THROTTLED') return 0;
  const seconds = Number(error.details?.seconds);
  return Number.isFinite(seconds) ? Date.now() + seconds * 1000 : 0;
}

/** Seconds left until `until`, counting down once a second. */
function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [until, now]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

function LockNoticeAlert({ notice }: { notice: LockNotice }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={notice.reason === 'user' ? 'info' : 'warning'}
      showIcon
      icon={<LockOutlined />}
      data-testid="lock-notice"
      data-reason={notice.reason}
      title={t(`session.lockNotice.${notice.reason}`, { minutes: notice.idleTimeoutMinutes })}
    />
  );
}

function UnlockForm({ target, notice }: { target: Target; notice: LockNotice | null }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const session = useSession();
  const [form] = Form.useForm<FormValues>();
  const [useRecovery, setUseRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [until, setUntil] = useState(0);
  const wait = useCountdown(until);
  const vaultId = 'vaultId' in target.ref ? target.ref.vaultId : null;
  const recoveryKey = (Form.useWatch('recoveryKey', form) as string | undefined) ?? '';
  const recoveryKeyReady = recoveryKeyFeedback(recoveryKey).complete;
  const lastUser = vaultId ? readLastUser(vaultId) : '';

  const submit = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    const input: OpInput<'vault.unlock'> = useRecovery
      ? { vault: target.ref, recoveryKey: values.recoveryKey ?? '' }
      : { vault: target.ref, userName: values.userName?.trim(), passphrase: values.passphrase ?? '' };
    const result = await api.call('vault.unlock', input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setUntil(throttledUntil(result.error));
      form.setFieldValue('passphrase', '');
      return;
    }
    if (!useRecovery && values.userName) rememberLastUser(result.value.vaultId, values.userName.trim());
    session.chooseFile(null);
    session.opened(result.value);
    navigateTo('vault');
  };

  const keyringLost = error?.code === 'KEYRING_MISSING' || error?.code === 'KEYRING_CORRUPT';

  return (
    <Card style={{ width: '100%', maxWidth: 520 }} data-testid="unlock-card">
      <Flex vertical gap={20}>
        <Flex align="center" gap={14}>
          <div
            style={{
              width: 44,
              height: 44,
              borderRadius: 22,
              display: 'grid',
              placeItems: 'center',
              background: token.colorPrimaryBg,
              color: token.colorPrimary,
              fontSize: 20,
              flex: 'none',
            }}
          >
            <LockOutlined />
          </div>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
              {t('unlock.title')}
            </Typography.Title>
            <Typography.Text strong style={{ fontSize: 15 }} data-testid="unlock-client">
              {target.clientName ?? target.fileName}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="unlock-file">
                <FileOutlined /> {target.fileName}
              </Typography.Text>
            </div>
          </div>
        </Flex>
        {notice ? <LockNoticeAlert notice={notice} /> : null}
        {target.missing ? (
          <Alert type="error" showIcon title={t('unlock.missingFile')} data-testid="unlock-missing" />
        ) : null}
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ userName: lastUser }}
          onFinish={(values) => void submit(values)}
          disabled={busy}
        >
          {useRecovery ? (
            // No form rule here: the live per-group feedback under the field is the validation, and
            // Unlock waits until every group checks out.
            <Form.Item name="recoveryKey" label={t('unlock.recoveryKey')} extra={t('unlock.recoveryKeyHelp')}>
              <RecoveryKeyInput />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="userName"
                label={t('unlock.userName')}
                rules={[{ required: true, whitespace: true, message: t('unlock.userNameRequired') }]}
              >
                <Input autoComplete="username" data-testid="unlock-user" autoFocus={!lastUser} />
              </Form.Item>
              <Form.Item
                name="passphrase"
                label={t('unlock.passphrase')}
                rules={[{ required: true, message: t('unlock.passphraseRequired') }]}
              >
                <Input.Password
                  autoComplete="current-password"
                  data-testid="unlock-passphrase"
                  autoFocus={!!lastUser}
                />
              </Form.Item>
            </>
          )}
          <Flex justify="space-between" align="center" gap={16} wrap>
            <Flex align="center" gap={8}>
              <Switch
                size="small"
                checked={useRecovery}
                onChange={(on) => {
                  setUseRecovery(on);
                  setError(null);
                }}
                data-testid="use-recovery-key"
                id="use-recovery-key"
              />
              <label htmlFor="use-recovery-key" style={{ cursor: 'pointer' }}>
                <KeyOutlined /> {t('unlock.useRecoveryKey')}
              </label>
            </Flex>
            <Button
              type="primary"
              htmlType="submit"
              loading={busy}
              disabled={wait > 0 || target.missing || (useRecovery && !recoveryKeyReady)}
              icon={<LockOutlined />}
              data-testid="unlock-submit"
              style={{ minWidth: 112 }}
            >
              {wait > 0 ? `${t('unlock.submit')} (${wait})` : t('unlock.submit')}
            </Button>
          </Flex>
        </Form>
        {error ? (
          <Flex vertical gap={8}>
            <ErrorAlert error={error} title={t('unlock.failed')} />
            {keyringLost && !useRecovery ? (
              <div>
                <Button
                  icon={<KeyOutlined />}
                  onClick={() => setUseRecovery(true)}
                  data-testid="unlock-try-recovery"
                >
                  {t('unlock.tryRecoveryKey')}
                </Button>
              </div>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

function Centered({ children }: { children: ReactNode }) {
  return (
    <Flex justify="center" style={{ paddingTop: 32 }}>
      {children}
    </Flex>
  );
}

function NoVault({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        status="info"
        title={title}
        subTitle={t('unlock.noVaultHint')}
        data-testid="unlock-no-vault"
        extra={
          <Button type="primary" onClick={() => navigateTo('dashboard')}>
            {t('unlock.backToDashboard')}
          </Button>
        }
      />
    </Card>
  );
}

function RegisteredVault({ vaultId, notice }: { vaultId: string; notice: LockNotice | null }) {
  const { t } = useTranslation();
  const { state } = useOperation('vault.list', {});
  if (state.status === 'loading') return <Skeleton active />;
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  const vault = state.value.find((v) => v.id === vaultId);
  if (!vault) return <NoVault title={t('unlock.unknownVault')} />;
  return (
    <Centered>
      <UnlockForm
        notice={notice}
        target={{
          ref: { vaultId },
          clientName: vault.clientName,
          fileName: baseName(vault.path),
          missing: !vault.present,
        }}
      />
    </Centered>
  );
}

export function UnlockPage({ vaultId }: { vaultId: string | null }) {
  const { t } = useTranslation();
  const { chosenFile, lockNotice } = useSession();
  if (vaultId)
    return <RegisteredVault vaultId={vaultId} notice={lockNotice?.vaultId === vaultId ? lockNotice : null} />;
  if (!chosenFile) return <NoVault title={t('unlock.noVault')} />;
  return (
    <Centered>
      <UnlockForm
        notice={null}
        target={{
          ref: { handle: chosenFile.handle },
          clientName: null,
          fileName: chosenFile.name,
          missing: false,
        }}
      />
    </Centered>
  );
}

// The unlock form for one vault: who the vault belongs to and its file, why it was locked (when it was
// locked under the person's hands), user name and passphrase or the recovery key with live per-group
// checking, and the way to the recovery key when the keyring is lost. The attempt is the model's
// (use-unlock.ts).
import { FileOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Switch, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultRef } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecoveryKeyInput } from '../../components/RecoveryKeyInput';
import { recoveryKeyFeedback } from '../../components/recovery-key-groups';
import type { LockNotice } from '../../session/session-context';
import { useUnlock, type UnlockValues } from './use-unlock';

/** The vault to unlock: from the registry (by id) or a file chosen in a dialog (by handle). */
export interface UnlockTarget {
  ref: VaultRef;
  clientName: string | null;
  fileName: string;
  missing: boolean;
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

export function UnlockForm({ target, notice }: { target: UnlockTarget; notice: LockNotice | null }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [form] = Form.useForm<UnlockValues>();
  const model = useUnlock(target.ref);
  const { busy, error, wait, lastUser, keyringLost } = model;
  const recoveryKey = (Form.useWatch('recoveryKey', form) as string | undefined) ?? '';
  const recoveryKeyReady = recoveryKeyFeedback(recoveryKey).complete;

  const submit = async (values: UnlockValues) => {
    if (!(await model.submit(values))) form.setFieldValue('passphrase', '');
  };

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
        <Form<UnlockValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ userName: lastUser }}
          onFinish={(values) => void submit(values)}
          disabled={busy}
        >
          {model.recovery ? (
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
                checked={model.recovery}
                onChange={model.switchRecovery}
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
              disabled={wait > 0 || target.missing || (model.recovery && !recoveryKeyReady)}
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
            {keyringLost && !model.recovery ? (
              <div>
                <Button icon={<KeyOutlined />} onClick={model.tryRecovery} data-testid="unlock-try-recovery">
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

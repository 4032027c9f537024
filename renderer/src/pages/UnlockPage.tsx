// The unlock screen for a vault in the registry (by id) or a vault file chosen in a dialog (by handle):
// the form is unlock/UnlockForm.tsx, its attempt unlock/use-unlock.ts; this page finds the vault.
import { Button, Card, Flex, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { useOperation } from '../hooks/use-operation';
import { baseName } from '../i18n/format';
import { useSession, type LockNotice } from '../session/session-context';
import { UnlockForm } from './unlock/UnlockForm';

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

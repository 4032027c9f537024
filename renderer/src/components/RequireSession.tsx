// Renders a vault page only while a vault is open, keyed by the session's epoch: a lock (or another
// vault or user) unmounts it, and with it every vault value it had fetched or kept in state.
import { Button, Card, Result, Skeleton } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { useSession } from '../session/session-context';

export function RequireSession({ children }: { children: (session: SessionInfo) => ReactNode }) {
  const { t } = useTranslation();
  const { ready, session, epoch, refresh } = useSession();
  // Ask once more when there is none: the engine is the one that knows (e.g. after a reload).
  useEffect(() => {
    if (ready && !session) void refresh();
  }, [ready, session, refresh]);
  if (!ready) return <Skeleton active />;
  if (!session)
    return (
      <Card>
        <Result
          data-testid="no-session"
          status="info"
          title={t('session.none.title')}
          subTitle={t('session.none.hint')}
          extra={
            <Button type="primary" onClick={() => navigateTo('dashboard')}>
              {t('session.none.action')}
            </Button>
          }
        />
      </Card>
    );
  return <div key={epoch}>{children(session)}</div>;
}

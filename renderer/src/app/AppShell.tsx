// The frame around every page: app name, the open vault, language and theme switches, the sidebar and the
// current page.
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DeleteOutlined,
  ImportOutlined,
  MessageOutlined,
  MoonOutlined,
  SafetyCertificateFilled,
  SafetyCertificateOutlined,
  SaveOutlined,
  SendOutlined,
  SettingOutlined,
  SunOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Layout,
  Menu,
  Segmented,
  Switch,
  theme,
  Tooltip,
  Typography,
  type MenuProps,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireSession } from '../components/RequireSession';
import { currentLang, LANGS, setLanguage, type Lang } from '../i18n';
import { AuditPage } from '../pages/AuditPage';
import { BackupPage } from '../pages/BackupPage';
import { ClassificationPage } from '../pages/ClassificationPage';
import { CompliancePage } from '../pages/CompliancePage';
import { DashboardPage } from '../pages/DashboardPage';
import { DispositionsPage } from '../pages/DispositionsPage';
import { DuplicatesPage } from '../pages/DuplicatesPage';
import { RecordsPage } from '../pages/RecordsPage';
import { IncidentsPage } from '../pages/IncidentsPage';
import { RequestsPage } from '../pages/RequestsPage';
import { AnalyticsPage } from '../pages/AnalyticsPage';
import { HandoverPage } from '../wizards/handover/HandoverPage';
import { ReceivePage } from '../wizards/handover/receive/ReceivePage';
import { ImportPage } from '../wizards/import/ImportWizard';
import { SettingsPage } from '../pages/SettingsPage';
import { UnlockPage } from '../pages/UnlockPage';
import { UsersPage } from '../pages/UsersPage';
import { VaultOverviewPage } from '../pages/VaultOverviewPage';
import { WipePage } from '../pages/WipePage';
import { useSession } from '../session/session-context';
import { CreateVaultWizard } from '../wizards/create-vault/CreateVaultWizard';
import { ROUTES, sidebarKeyFor, type AppLocation, type RouteKey } from './routes';
import { SessionHeader } from './SessionHeader';
import { navigateTo, useHashRoute } from './use-hash-route';
import type { ThemeMode } from './use-theme-mode';

const ICONS: Record<RouteKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  records: <TeamOutlined />,
  duplicates: <ClusterOutlined />,
  import: <ImportOutlined />,
  classification: <TagsOutlined />,
  dispositions: <CarryOutOutlined />,
  backup: <SaveOutlined />,
  handover: <SendOutlined />,
  wipe: <DeleteOutlined />,
  compliance: <SafetyCertificateOutlined />,
  requests: <MessageOutlined />,
  incidents: <AlertOutlined />,
  analytics: <BarChartOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

// Language names are written in their own language, so either reader can find theirs.
const LANG_LABELS: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

function Page({ location }: { location: AppLocation }) {
  switch (location.view) {
    case 'dashboard':
      return <DashboardPage />;
    case 'create':
      return <CreateVaultWizard />;
    case 'unlock':
      // Keyed by vault, so the form starts afresh for another vault.
      return <UnlockPage key={location.vaultId ?? 'file'} vaultId={location.vaultId} />;
    case 'vault':
      return <RequireSession>{(session) => <VaultOverviewPage session={session} />}</RequireSession>;
    case 'users':
      return <RequireSession>{(session) => <UsersPage session={session} />}</RequireSession>;
    case 'backup':
      return <BackupPage />;
    case 'audit':
      return <AuditPage />;
    case 'classification':
      return <ClassificationPage />;
    case 'compliance':
      return <CompliancePage />;
    case 'requests':
      return <RequestsPage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'dispositions':
      return <DispositionsPage />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'records':
      return <RecordsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'import':
      return <ImportPage />;
    case 'wipe':
      return <WipePage />;
    case 'handover':
      return <HandoverPage />;
    case 'receive':
      return <ReceivePage />;
  }
}

/** After a recovery-key unlock: set new passphrases before anything else. */
function RecoveryBanner() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session?.viaRecoveryKey) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="recovery-banner"
      style={{ marginBottom: 24 }}
      title={t('session.recoveryBanner.title')}
      description={t('session.recoveryBanner.body')}
      action={
        <Button onClick={() => navigateTo('users')} data-testid="recovery-banner-users">
          {t('session.recoveryBanner.action')}
        </Button>
      }
    />
  );
}

export function AppShell({
  themeMode,
  onThemeMode,
}: {
  themeMode: ThemeMode;
  onThemeMode: (mode: ThemeMode) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [location, navigate] = useHashRoute();
  const route = sidebarKeyFor(location.view);
  const lang = currentLang();

  const items: MenuProps['items'] = ROUTES.map((key) => ({
    key,
    icon: ICONS[key],
    label: <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-shell" data-route={location.view}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          paddingInline: 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Flex align="center" gap={12}>
          <SafetyCertificateFilled style={{ fontSize: 26, color: token.colorPrimary }} />
          <Flex align="baseline" gap={8} data-testid="app-name">
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.name')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 15 }}>
              {t('app.latinName')}
            </Typography.Text>
          </Flex>
        </Flex>
        <Flex align="center" gap={16}>
          <SessionHeader />
          <Segmented<Lang>
            aria-label={t('header.language')}
            data-testid="lang-switch"
            value={lang}
            options={LANGS.map((value) => ({ value, label: LANG_LABELS[value] }))}
            onChange={(value) => void setLanguage(value)}
          />
          <Tooltip title={t('header.theme')}>
            <Switch
              aria-label={t('header.theme')}
              data-testid="theme-switch"
              checked={themeMode === 'dark'}
              checkedChildren={<MoonOutlined />}
              unCheckedChildren={<SunOutlined />}
              onChange={(dark) => onThemeMode(dark ? 'dark' : 'light')}
            />
          </Tooltip>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={216}
          // 'light' in both modes: under the dark algorithm it takes the same surface colours as the header.
          theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
          data-testid="sidebar"
        >
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[route]}
              items={items}
              onClick={({ key }) => navigate(key as RouteKey)}
              style={{ borderInlineEnd: 'none', paddingBlock: 8 }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%' }} data-testid="page">
          <main>
            <RecoveryBanner />
            <Page location={location} />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

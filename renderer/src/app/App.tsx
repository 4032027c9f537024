// The root: antd's locale and theme follow the user's language and theme choices.
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { AppShell } from './AppShell';
import { useThemeMode } from './use-theme-mode';

export function App() {
  // Re-renders on language change, so the antd locale below follows.
  useTranslation();
  const [themeMode, setThemeMode] = useThemeMode();
  const lang = currentLang();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        algorithm: themeMode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        // One blue for actions and progress alike.
        token: { colorPrimary: '#1f5fbf', colorInfo: '#1f5fbf', borderRadius: 6 },
      }}
    >
      <AntApp>
        <AppShell themeMode={themeMode} onThemeMode={setThemeMode} />
      </AntApp>
    </ConfigProvider>
  );
}

// The root: antd's locale and theme follow the user's language and theme choices; the session store
// sits under antd's App so its notices can use antd's message API.
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { SessionProvider } from '../session/SessionProvider';
import { AppShell } from './AppShell';
import { useThemeMode } from './use-theme-mode';

export function App() {
  // Re-renders on language change, so the antd locale below follows.
  useTranslation();
  const [themeMode, setThemeMode] = useThemeMode();
  const lang = currentLang();
  // Month and weekday names in the date pickers.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
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
        <SessionProvider>
          <AppShell themeMode={themeMode} onThemeMode={setThemeMode} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

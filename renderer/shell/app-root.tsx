/**
 * Theme (shell/theme.ts: every text meets WCAG AA contrast), antd locale and message context around the
 * shell.
 * Runtime: browser.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useI18n } from '../i18n';
import { Shell } from './shell';
import { THEME_TOKENS } from './theme';

export function AppRoot() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: THEME_TOKENS }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp className="app-root">
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

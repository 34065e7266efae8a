/**
 * Theme, antd locale and message context around the shell. The theme darkens antd's secondary and
 * tertiary text, the error red, the link blue and the primary button's hover and pressed blues so that every
 * text meets WCAG AA contrast (4.5:1) on the counter's white and light-grey backgrounds (and white text on
 * a primary button under the pointer); counter.css does the same for the tag colours.
 * Runtime: browser.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useI18n } from '../i18n';
import { Shell } from './shell';

const THEME_TOKENS = {
  colorPrimary: '#1668dc',
  // Darker, not lighter, under the pointer: white on antd's lighter hover blue is ~3.5:1.
  colorPrimaryHover: '#0b57c2',
  colorPrimaryActive: '#0847a0',
  fontSize: 15,
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorError: '#cf1322',
  colorLink: '#0b57c2',
};

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

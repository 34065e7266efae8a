/** Theme, antd locale and message context around the shell. Runtime: browser. */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useI18n } from '../i18n';
import { Shell } from './shell';

export function AppRoot() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1668dc', fontSize: 15 } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp className="app-root">
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

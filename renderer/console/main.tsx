/** The head-office console's entry: antd in Chinese around the console app. Runtime: browser. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { THEME_TOKENS } from '../shell/theme';
import { ConsoleApp } from './console-app';
import './console.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={{ token: THEME_TOKENS }} button={{ autoInsertSpace: false }}>
        <AntApp>
          <ConsoleApp />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}

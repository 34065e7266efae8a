/** The head-office console's entry: antd in Chinese around the console app. Runtime: browser. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { THEME_TOKENS } from '../shell/theme';
import { ConsoleApp } from './console-app';
import './console.css';

/** The console's placeholders ('全部网点' in a list's hall picker) are read, not decoration: AA contrast. */
const CONSOLE_TOKENS = { ...THEME_TOKENS, colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' };

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={{ token: CONSOLE_TOKENS }} button={{ autoInsertSpace: false }}>
        <AntApp>
          <ConsoleApp />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}

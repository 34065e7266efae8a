/** GasDesk renderer entry: mounts the app. Runtime: browser. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import { AppRoot } from './shell/app-root';
import './shell/app.css';
import './shell/counter.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <AppRoot />
      </I18nProvider>
    </StrictMode>,
  );
}

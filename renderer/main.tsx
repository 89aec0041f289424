import { Alert } from '@mui/material';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveKsefApi } from './api/ksef';
import { App } from './app/App';
import { initI18n } from './i18n';

const i18n = initI18n('pl');
const api = resolveKsefApi();
const root = createRoot(document.getElementById('root')!);

root.render(
  <StrictMode>
    {api ? <App api={api} /> : <Alert severity="error">{i18n.t('app.noBridge')}</Alert>}
  </StrictMode>,
);

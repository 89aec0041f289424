import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { KsefApi } from '../../shared/ipc/types';
import { ApiProvider } from '../api/api-context';
import { useAccountEvents } from '../api/account-queries';
import { useDocumentEvents } from '../api/document-events';
import { useMainEvents } from '../api/queries';
import { AppShell } from './AppShell';

const theme = createTheme({
  palette: { primary: { main: '#1d4f91' }, secondary: { main: '#c8102e' } },
  shape: { borderRadius: 8 },
});

function EventBridge() {
  useMainEvents();
  useAccountEvents();
  useDocumentEvents();
  return null;
}

export function App({ api }: { api: KsefApi }) {
  // Main owns the data and pushes changes, so queries never go stale by time.
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } }),
    [],
  );
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <QueryClientProvider client={queryClient}>
        <ApiProvider api={api}>
          <EventBridge />
          <AppShell />
        </ApiProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

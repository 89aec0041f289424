import {
  AppBar,
  Box,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../api/queries';
import { EnvironmentBadge } from '../components/EnvironmentBadge';
import { SignInControl } from '../features/auth/SignInControl';
import { FirstRunGuide } from '../features/first-run/FirstRunGuide';
import { UpdateNotice } from '../features/updates/UpdateNotice';
import { setLanguage } from '../i18n';
import { isGuideHash, pageFromHash, type PageId } from './hash-route';
import { PAGES } from './pages';

const DRAWER_WIDTH = 232;

/** Navigation drawer, top bar with the environment badge, and the current page. */
export function AppShell() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [page, setPage] = useState<PageId>(() => pageFromHash(window.location.hash));
  // The first-run guide sits on the start view (no page asked for, or #/welcome); choosing a page leaves it.
  const [startView, setStartView] = useState(() => isGuideHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => {
      setPage(pageFromHash(window.location.hash));
      setStartView(isGuideHash(window.location.hash));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (settings.data) setLanguage(settings.data.language);
  }, [settings.data]);

  const environment = settings.data?.environment ?? 'sandbox';
  const current = PAGES.find((definition) => definition.id === page) ?? PAGES[0]!;
  const CurrentPage = current.component;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar
        position="fixed"
        color={environment === 'production' ? 'error' : 'primary'}
        sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}
      >
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1, fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          <UpdateNotice />
          <SignInControl />
          <Box sx={{ bgcolor: 'background.paper', borderRadius: 4 }}>
            <EnvironmentBadge environment={environment} />
          </Box>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <List component="nav" aria-label={t('app.name')}>
          {PAGES.map((definition) => (
            <ListItemButton
              key={definition.id}
              selected={definition.id === page}
              data-testid={`nav-${definition.id}`}
              onClick={() => {
                window.location.hash = `/${definition.id}`;
                setPage(definition.id);
                setStartView(false);
              }}
            >
              <ListItemIcon>{definition.icon}</ListItemIcon>
              <ListItemText primary={t(`nav.${definition.id}`)} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3 }}>
        <Toolbar />
        {startView ? <FirstRunGuide onOpenIssue={() => (window.location.hash = '/issue')} /> : null}
        <CurrentPage />
      </Box>
    </Box>
  );
}

import AccountCircleOutlinedIcon from '@mui/icons-material/AccountCircleOutlined';
import LoginOutlinedIcon from '@mui/icons-material/LoginOutlined';
import LogoutOutlinedIcon from '@mui/icons-material/LogoutOutlined';
import { Box, Button, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStatus, useSignOut } from '../../api/account-queries';
import { SignInDialog } from './SignInDialog';

/** Top bar: who is signed in to KSeF and for which company, with sign-in and sign-out. */
export function SignInControl() {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  const signOut = useSignOut();
  const [dialogOpen, setDialogOpen] = useState(false);
  const session = auth.data?.session ?? null;

  if (!session) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="sign-in-control" data-signed-in="false">
        <Typography variant="body2" sx={{ opacity: 0.85 }}>
          {t('auth.notSignedIn')}
        </Typography>
        <Button color="inherit" variant="outlined" size="small" startIcon={<LoginOutlinedIcon />} onClick={() => setDialogOpen(true)}>
          {t('auth.signIn')}
        </Button>
        {dialogOpen ? <SignInDialog open onClose={() => setDialogOpen(false)} /> : null}
      </Stack>
    );
  }

  const details = t('auth.sessionDetails', {
    who: session.who,
    company: session.companyName ?? session.contextNip,
    nip: session.contextNip,
    environment: t(`environment.${auth.data?.environment ?? 'sandbox'}`),
  });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="sign-in-control" data-signed-in="true">
      <Tooltip title={`${details} (${session.method === 'certificate' ? t('auth.byCertificate') : t('auth.byToken')})`}>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <AccountCircleOutlinedIcon fontSize="small" />
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600, lineHeight: 1.2 }} data-testid="signed-in-who">
              {session.who}
            </Typography>
            <Typography variant="caption" sx={{ opacity: 0.85, lineHeight: 1.2, display: 'block' }}>
              {session.companyName ? `${session.companyName} · ` : ''}NIP {session.contextNip}
            </Typography>
          </Box>
        </Stack>
      </Tooltip>
      <Button color="inherit" size="small" startIcon={<LogoutOutlinedIcon />} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {t('auth.signOut')}
      </Button>
    </Stack>
  );
}

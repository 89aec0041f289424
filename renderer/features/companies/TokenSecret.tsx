import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import { Alert, AlertTitle, Box, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The token secret, shown once with a copy button and a plain warning. */
export function TokenSecret({ secret, onHide }: { secret: string; onHide(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the text is selectable below
    }
  };
  return (
    <Alert severity="warning" data-testid="token-secret">
      <AlertTitle>{t('tokens.secretTitle')}</AlertTitle>
      <Stack spacing={1}>
        <span>{t('tokens.secretWarning')}</span>
        <Box component="code" sx={{ p: 1, bgcolor: 'background.paper', borderRadius: 1, wordBreak: 'break-all', userSelect: 'all', fontSize: 13 }}>
          {secret}
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button size="small" variant="contained" startIcon={<ContentCopyOutlinedIcon />} onClick={() => void copy()}>
            {t('tokens.copy')}
          </Button>
          <Button size="small" onClick={onHide}>
            {t('tokens.hideSecret')}
          </Button>
          {copied ? <span>{t('tokens.copied')}</span> : null}
        </Stack>
      </Stack>
    </Alert>
  );
}

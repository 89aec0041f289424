import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CERTIFICATE_FILE_BYTES } from '../../../../shared/ipc/contract';

const ACCEPT = '.p12,.pfx,.pem,.crt,.cer,.der,.key,application/x-pkcs12';

/** Step 1: a file dropped on the zone or chosen with the file input; size checked before anything is read. */
export function FileStep({ onFile }: { onFile(file: File): void }) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const accept = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CERTIFICATE_FILE_BYTES) {
      const bytes = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'pl-PL');
      return setProblem(t('wizard.tooLarge', { name: file.name, size: bytes(file.size), limit: bytes(MAX_CERTIFICATE_FILE_BYTES) }));
    }
    if (file.size === 0) return setProblem(t('wizard.emptyFile', { name: file.name }));
    setProblem(null);
    onFile(file);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    accept(event.dataTransfer.files[0]);
  };

  return (
    <Stack spacing={2}>
      <Box
        data-testid="certificate-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : 'background.default',
          borderRadius: 2,
          p: 4,
          textAlign: 'center',
        }}
      >
        <UploadFileOutlinedIcon sx={{ fontSize: 48, color: 'primary.main' }} />
        <Typography variant="h6">{t('wizard.dropTitle')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {t('wizard.dropOr')}
        </Typography>
        <Button variant="contained" onClick={() => input.current?.click()}>
          {t('wizard.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="certificate-file-input"
          onChange={(event) => {
            accept(event.target.files?.[0]);
            event.target.value = ''; // choosing the same file again still fires change
          }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {t('wizard.dropHint')}
        </Typography>
      </Box>
      {problem ? (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      ) : null}
    </Stack>
  );
}

import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '../../../../shared/ipc/channels/certificates';
import { StatusChip } from '../StatusChip';
import { formatDate, groupFingerprint } from '../format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ width: 200, color: 'text.secondary', verticalAlign: 'top' }}>
        {label}
      </TableCell>
      <TableCell>{children}</TableCell>
    </TableRow>
  );
}

/** Step 3: what was found in the file, with every warning spelled out. */
export function SummaryStep({ summary, onNext, onBack }: { summary: CertificateSummary; onNext(): void; onBack(): void }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} data-testid="certificate-summary">
      <Typography>{t('wizard.summaryIntro')}</Typography>
      <Table size="small">
        <TableBody>
          <Row label={t('wizard.owner')}>
            <Typography sx={{ fontWeight: 600 }}>{summary.ownerName}</Typography>
            <Typography variant="body2" color="text.secondary">
              {summary.subject}
            </Typography>
          </Row>
          {summary.nip ? <Row label={t('wizard.nip')}>{summary.nip}</Row> : null}
          {summary.pesel ? <Row label={t('wizard.pesel')}>{summary.pesel}</Row> : null}
          <Row label={t('wizard.issuer')}>{summary.issuer}</Row>
          <Row label={t('wizard.validity')}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <span>{t('wizard.validityRange', { from: formatDate(summary.notBefore), to: formatDate(summary.notAfter) })}</span>
              <StatusChip status={summary.status} />
            </Stack>
          </Row>
          <Row label={t('wizard.keyType')}>{summary.keyType}</Row>
          <Row label={t('wizard.fingerprint')}>
            <Box component="code" sx={{ fontSize: 12, wordBreak: 'break-all' }}>
              {groupFingerprint(summary.fingerprintSha256)}
            </Box>
          </Row>
          <Row label={t('wizard.signIn')}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="certificate-can-sign-in">
              {summary.canSignIn ? <CheckCircleOutlineIcon color="success" /> : <HighlightOffIcon color="error" />}
              <span>{summary.canSignIn ? t('wizard.canSignIn') : t('wizard.cannotSignIn')}</span>
            </Stack>
          </Row>
        </TableBody>
      </Table>
      {summary.warnings.map((warning) => (
        <Alert key={warning} severity="warning">
          {t(`wizard.warnings.${warning}`, { date: formatDate(summary.notAfter) })}
        </Alert>
      ))}
      {summary.selfSigned ? <Alert severity="info">{t('wizard.selfSigned')}</Alert> : null}
      <Stack direction="row" spacing={1}>
        <Button onClick={onBack}>{t('wizard.back')}</Button>
        <Button variant="contained" onClick={onNext}>
          {t('wizard.next')}
        </Button>
      </Stack>
    </Stack>
  );
}

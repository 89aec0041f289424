import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined';
import { Alert, Button, FormControlLabel, Stack, Switch, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { OfflineStatus } from '../../../shared/ipc/channels/offline';
import { BusyButton } from '../../components/BusyButton';

export interface OfflineBannerProps {
  status: OfflineStatus;
  /** Offline invoices without KOD II because no Offline certificate was at hand. */
  missingKod2: number;
  checking: boolean;
  completing: boolean;
  checkResult: boolean | null;
  onToggle: (on: boolean) => void;
  onCheck: () => void;
  onObtainCertificate: () => void;
  onCompleteKod2: () => void;
}

export function OfflineToggle({ status, onToggle }: Pick<OfflineBannerProps, 'status' | 'onToggle'>) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('sent.offline.toggleHint')}>
      <FormControlLabel
        control={<Switch checked={status.manual} onChange={(event) => onToggle(event.target.checked)} data-testid="offline-toggle" />}
        label={t('sent.offline.toggle')}
      />
    </Tooltip>
  );
}

/** Says when invoices are issued offline and why, and what is missing for KOD II. */
export function OfflineBanner(props: OfflineBannerProps) {
  const { t, i18n } = useTranslation();
  const { status } = props;
  const since = status.outageSince
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(status.outageSince))
    : '';
  return (
    <Stack spacing={1}>
      {status.offline ? (
        <Alert
          severity="warning"
          icon={<CloudOffOutlinedIcon />}
          data-testid="offline-banner"
          action={
            status.outageSince ? (
              <BusyButton color="inherit" size="small" busy={props.checking} onClick={props.onCheck}>
                {t('sent.offline.check')}
              </BusyButton>
            ) : undefined
          }
        >
          {status.outageSince ? t('sent.offline.outage', { since }) : t('sent.offline.manual')}
          {props.checkResult === false ? ` ${t('sent.offline.stillDown')}` : ''}
        </Alert>
      ) : null}
      {props.missingKod2 > 0 || (status.offline && !status.hasOfflineCertificate) ? (
        <Alert
          severity="info"
          data-testid="offline-certificate-missing"
          action={
            <Stack direction="row" spacing={1}>
              {status.hasOfflineCertificate ? (
                <BusyButton color="inherit" size="small" busy={props.completing} onClick={props.onCompleteKod2}>
                  {t('sent.offline.completeKod2')}
                </BusyButton>
              ) : (
                <Button color="inherit" size="small" onClick={props.onObtainCertificate}>
                  {t('sent.offline.obtainCertificate')}
                </Button>
              )}
            </Stack>
          }
        >
          {t('sent.offline.noCertificate')}
        </Alert>
      ) : null}
    </Stack>
  );
}

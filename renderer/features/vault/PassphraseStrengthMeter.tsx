import { LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../../shared/domain/passphrase-strength';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/ipc/contract';

type Checker = (passphrase: string, minLength: number) => PassphraseStrength;

/** zxcvbn's dictionaries are large: loaded on first use, as their own chunk, not with the app. */
let loading: Promise<Checker> | null = null;
function loadChecker(): Promise<Checker> {
  loading ??= import('../../../shared/domain/passphrase-strength').then((module) => module.passphraseStrength);
  return loading;
}

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

/** Live strength of a new key-store passphrase; `onChange` tells the form the verdict for the passphrase measured. */
export function PassphraseStrengthMeter({ passphrase, onChange }: { passphrase: string; onChange(acceptable: boolean, measured: string): void }) {
  const { t } = useTranslation();
  const [strength, setStrength] = useState<PassphraseStrength | null>(null);

  useEffect(() => {
    let current = true;
    void loadChecker().then((check) => {
      if (!current) return;
      const result = check(passphrase, MIN_PASSPHRASE_LENGTH);
      setStrength(result);
      onChange(result.acceptable, passphrase);
    });
    return () => {
      current = false;
    };
  }, [passphrase, onChange]);

  if (!strength || passphrase.length === 0) return null;
  const levels = t('passphraseStrength.levels', { returnObjects: true }) as string[];
  const warning = strength.warning ? t(`passphraseStrength.warnings.${strength.warning}`, { defaultValue: '' }) : '';
  return (
    <Stack spacing={0.5} data-testid="passphrase-strength" data-score={strength.score} data-acceptable={String(strength.acceptable)}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary">
          {t('passphraseStrength.label')}:
        </Typography>
        <Typography variant="caption" sx={{ fontWeight: 600 }}>
          {levels[strength.score]}
        </Typography>
      </Stack>
      <LinearProgress
        variant="determinate"
        value={((strength.score + 1) / 5) * 100}
        color={COLORS[strength.score]}
        aria-label={t('passphraseStrength.label')}
      />
      <Typography variant="caption" color={strength.acceptable ? 'success.main' : 'error.main'}>
        {strength.acceptable ? t('passphraseStrength.acceptable') : [warning, t('passphraseStrength.tooWeak')].filter(Boolean).join(' ')}
      </Typography>
    </Stack>
  );
}

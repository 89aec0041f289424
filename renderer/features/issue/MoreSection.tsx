import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IssueFormValues } from '../../../shared/ipc/channels/issue';
import { FormCheckbox, FormText } from './fields';
import { Section } from './Section';

/** Annotations (P_16–P_19), additional descriptions and the footer note. */
export function MoreSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const lines = useWatch({ control, name: 'lines' });
  const { fields, append, remove } = useFieldArray({ control, name: 'additionalDescriptions' });
  const exempt = lines.some((line) => line.rate === 'zw');
  return (
    <Section title={t('issue.sections.annotations')} testId="issue-annotations">
      <Stack>
        <FormCheckbox name="annotations.cashAccounting" label={t('issue.annotations.cashAccounting')} />
        <FormCheckbox name="annotations.selfBilling" label={t('issue.annotations.selfBilling')} />
        <FormCheckbox name="annotations.reverseCharge" label={t('issue.annotations.reverseCharge')} />
      </Stack>
      {exempt ? <FormText name="annotations.exemptionBasis" label={t('issue.annotations.exemptionBasis')} helperText={t('issue.annotations.exemptionHint')} fullWidth sx={{ mt: 1 }} testId="exemption-basis" /> : null}
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {t('issue.more.descriptions')}
      </Typography>
      {fields.map((row, index) => (
        <Box key={row.id} sx={{ display: 'grid', gridTemplateColumns: '1fr 1.5fr 36px', gap: 1, mb: 1 }}>
          <FormText name={`additionalDescriptions.${index}.key`} label={t('issue.more.key')} />
          <FormText name={`additionalDescriptions.${index}.value`} label={t('issue.more.value')} />
          <IconButton size="small" tabIndex={-1} aria-label={t('issue.more.remove')} onClick={() => remove(index)}>
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Button size="small" startIcon={<AddOutlinedIcon />} onClick={() => append({ key: '', value: '' })}>
        {t('issue.more.add')}
      </Button>
      <FormText name="notes" label={t('issue.more.notes')} multiline minRows={2} fullWidth sx={{ mt: 2 }} testId="issue-notes" />
    </Section>
  );
}

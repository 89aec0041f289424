import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, Typography } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VAT_RATES } from '../../../shared/domain/invoice/codes';
import { formatAmountPl } from '../../../shared/domain/money';
import type { FormLine, IssueFormValues } from '../../../shared/ipc/channels/issue';
import { FormSelect, FormText, problemText, type IssueFieldPath } from './fields';
import { rowValue } from './live-totals';
import { LineDetailsButton } from './LineDetailsDialog';
import { emptyLine } from './new-form';
import { ProductNameField } from './ProductNameField';

export const LINE_COLUMNS = '36px minmax(220px, 1fr) 88px 76px 116px 112px 76px 120px 36px 36px';

type LinesName = 'lines' | 'correction.linesBefore';

/** Editable invoice lines. Enter in the last row adds a row (and puts the cursor in its name). */
export function LinesTable({ nip, name }: { nip: string; name: LinesName }) {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<IssueFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const [lines, priceMode, currency, exchangeRate] = useWatch({ control, name: [name, 'priceMode', 'currency', 'exchangeRate'] }) as [FormLine[], IssueFormValues['priceMode'], string, string];
  const arrayError = name === 'lines' ? (formState.errors.lines?.message ?? formState.errors.lines?.root?.message) : undefined;

  const addLine = () => append(emptyLine(), { shouldFocus: true, focusName: `${name}.${fields.length}.name` });
  const onRowKeyDown = (index: number) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.shiftKey || event.ctrlKey || event.altKey) return;
    if (event.target instanceof HTMLButtonElement) return; // Enter on a row's button presses it
    event.preventDefault();
    if (index === fields.length - 1) addLine();
  };
  const header = [
    t('issue.lines.lp'),
    t('issue.lines.name'),
    t('issue.lines.quantity'),
    t('issue.lines.unit'),
    priceMode === 'net' ? t('issue.lines.netPrice') : t('issue.lines.grossPrice'),
    t('issue.lines.rate'),
    t('issue.lines.discount'),
    priceMode === 'net' ? t('issue.lines.netValue') : t('issue.lines.grossValue'),
    '',
    '',
  ];
  const numeric = { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' };

  return (
    <Box data-testid={name === 'lines' ? 'lines-table' : 'lines-before-table'} sx={{ overflowX: 'auto' }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: LINE_COLUMNS, gap: 1, px: 0.5, pb: 0.5, borderBottom: 1, borderColor: 'divider', minWidth: 900 }}>
        {header.map((label, index) => (
          <Typography key={index} variant="caption" color="text.secondary" sx={{ fontWeight: 600, ...(index >= 2 && index !== 3 ? { textAlign: index === 5 ? 'left' : 'right' } : {}) }}>
            {label}
          </Typography>
        ))}
      </Box>
      {fields.map((row, index) => {
        const path = `${name}.${index}`;
        const line = lines[index];
        return (
          <Box
            key={row.id}
            data-testid="line-row"
            onKeyDown={onRowKeyDown(index)}
            sx={{ display: 'grid', gridTemplateColumns: LINE_COLUMNS, gap: 1, alignItems: 'start', py: 0.75, px: 0.5, borderBottom: 1, borderColor: 'divider', minWidth: 900 }}
          >
            <Typography variant="body2" color="text.secondary" sx={{ pt: 1, ...numeric }}>
              {index + 1}.
            </Typography>
            <ProductNameField nip={nip} row={path} label={`${t('issue.lines.name')} ${index + 1}`} />
            <FormText name={`${path}.quantity` as IssueFieldPath} inputMode="decimal" testId="line-quantity" slotProps={{ htmlInput: { 'aria-label': `${t('issue.lines.quantity')} ${index + 1}`, style: numeric } }} />
            <FormText name={`${path}.unit` as IssueFieldPath} testId="line-unit" slotProps={{ htmlInput: { 'aria-label': `${t('issue.lines.unit')} ${index + 1}` } }} />
            <FormText name={`${path}.unitPrice` as IssueFieldPath} inputMode="decimal" testId="line-price" slotProps={{ htmlInput: { 'aria-label': `${header[4]} ${index + 1}`, style: numeric } }} />
            <FormSelect
              name={`${path}.rate` as IssueFieldPath}
              options={VAT_RATES.map((rate) => ({ value: rate, label: t(`issue.rates.${rate}`) }))}
              testId="line-rate"
              slotProps={{ htmlInput: { 'aria-label': `${t('issue.lines.rate')} ${index + 1}` } }}
            />
            <FormText name={`${path}.discount` as IssueFieldPath} inputMode="decimal" testId="line-discount" slotProps={{ htmlInput: { 'aria-label': `${t('issue.lines.discount')} ${index + 1}`, style: numeric } }} />
            <Typography variant="body2" data-testid="line-value" sx={{ pt: 1, fontWeight: 500, ...numeric }}>
              {line ? formatAmountPl(rowValue(line, { priceMode, currency, exchangeRate })) : ''}
            </Typography>
            <LineDetailsButton row={path} index={index} />
            <IconButton size="small" tabIndex={-1} aria-label={t('issue.lines.remove', { index: index + 1 })} onClick={() => remove(index)} disabled={fields.length === 1 && name === 'lines'} sx={{ mt: 0.5 }}>
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Box>
        );
      })}
      {arrayError ? (
        <Typography variant="body2" color="error" role="alert" sx={{ mt: 1 }}>
          {problemText(t, arrayError)}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
        <Button size="small" startIcon={<AddOutlinedIcon />} onClick={addLine} data-testid={name === 'lines' ? 'add-line' : 'add-line-before'}>
          {t('issue.lines.add')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {t('issue.lines.hint')}
        </Typography>
      </Box>
    </Box>
  );
}

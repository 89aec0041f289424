import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import Decimal from 'decimal.js';
import { useDeferredValue } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ratePercent, type VatRate } from '../../../shared/domain/invoice/codes';
import { formatAmountPl } from '../../../shared/domain/money';
import type { IssueFormValues, PriceMode, Product } from '../../../shared/ipc/channels/issue';
import { problemText, type IssueFieldPath } from './fields';
import { useProducts } from './queries';

/** A product's price in the form's pricing (net ↔ gross at the product's rate, rounded to grosze). */
export function priceIn(product: Product, mode: PriceMode): string {
  const percent = ratePercent(product.rate as VatRate);
  if (product.priceMode === mode || percent === null) return product.price;
  const factor = new Decimal(100).plus(percent).div(100);
  const price = new Decimal(product.price);
  return (mode === 'gross' ? price.times(factor) : price.div(factor)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** A line's name: typed freely, or picked from the products list (which fills unit, price and rate). */
export function ProductNameField({ nip, row, label }: { nip: string; row: string; label: string }) {
  const { t } = useTranslation();
  const { control, setValue, getValues } = useFormContext<IssueFormValues>();
  const { field, fieldState } = useController({ control, name: `${row}.name` as IssueFieldPath });
  const text = typeof field.value === 'string' ? field.value : '';
  const query = useDeferredValue(text);
  const products = useProducts(nip, query);

  const fill = (product: Product) => {
    const options = { shouldDirty: true };
    const mode = getValues('priceMode');
    setValue(`${row}.productId` as IssueFieldPath, product.id, options);
    setValue(`${row}.name` as IssueFieldPath, product.name, options);
    setValue(`${row}.unit` as IssueFieldPath, product.unit, options);
    setValue(`${row}.unitPrice` as IssueFieldPath, priceIn(product, mode).replace('.', ','), options);
    setValue(`${row}.rate` as IssueFieldPath, product.rate, options);
    setValue(`${row}.pkwiu` as IssueFieldPath, product.pkwiu, options);
    setValue(`${row}.gtu` as IssueFieldPath, product.gtu, options);
    setValue(`${row}.annex15` as IssueFieldPath, product.annex15, options);
  };

  return (
    <Autocomplete<Product, false, false, true>
      freeSolo
      options={query.trim() === '' ? [] : (products.data ?? [])}
      filterOptions={(options) => options}
      getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
      inputValue={text}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'reset') field.onChange(value);
      }}
      onChange={(_event, value) => {
        if (value && typeof value !== 'string') fill(value);
      }}
      renderOption={({ key, ...props }, option) => (
        <Box component="li" key={key} {...props}>
          <Box sx={{ display: 'flex', width: '100%', justifyContent: 'space-between', gap: 2 }}>
            <Typography variant="body2">{option.name}</Typography>
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
              {formatAmountPl(option.price)} {option.priceMode === 'net' ? t('issue.lines.net') : t('issue.lines.gross')} · {t(`issue.rates.${option.rate}`, { defaultValue: option.rate })} · {option.unit}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          inputRef={field.ref}
          onBlur={field.onBlur}
          error={Boolean(fieldState.error)}
          helperText={fieldState.error ? problemText(t, fieldState.error.message) : undefined}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'aria-label': label, 'data-testid': 'line-name' } }}
        />
      )}
    />
  );
}

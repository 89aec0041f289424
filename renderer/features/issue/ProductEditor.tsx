import { Box, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GTU_CODES, VAT_RATES } from '../../../shared/domain/invoice/codes';
import type { ProductField } from '../../../shared/domain/issuing/book-rules';
import { PRICE_MODES, type PriceMode, type Product, type ProductInput } from '../../../shared/ipc/channels/issue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BookField, BookRow, EditorActions, useShownProblems } from './book-fields';
import { problemsOfFailure, productDraft, productInputOf, productMessages, productMessagesOf, type ProductMessages } from './book-validation';
import { useBookMutations } from './queries';

/** One product or service of the list, added by hand or edited; the price may be typed the Polish way ("1 234,50"). */
export function ProductEditor({ nip, entry, onDone, onCancel }: { nip: string; entry?: Product; onDone: (saved: Product) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const save = useBookMutations(nip).saveProduct;
  const [draft, setDraft] = useState<ProductInput>(() => productDraft(entry));
  const [refused, setRefused] = useState<ProductMessages>({});
  const shown = useShownProblems<ProductField>();
  const checks = productMessages(draft);
  const message = (field: ProductField) => refused[field] ?? (shown.isShown(field) ? checks[field] : undefined);

  const set = <K extends keyof ProductInput & ProductField>(field: K, value: ProductInput[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setRefused((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== field)));
  };
  /** The props of a typed field (its value, its check shown once left). */
  const text = (field: 'name' | 'unit' | 'price' | 'pkwiu') => ({
    value: draft[field],
    onChange: (value: string) => set(field, value),
    onBlur: () => shown.leave(field),
    message: message(field),
    testId: `product-${field}`,
  });

  const submit = () => {
    shown.submit();
    if (Object.keys(checks).length > 0) return;
    save.mutate(
      { product: productInputOf(draft), ...(entry ? {} : { asNew: true }) },
      {
        onSuccess: onDone,
        onError: (error) => {
          const problems = problemsOfFailure(error);
          if (problems) setRefused(productMessagesOf(problems));
        },
      },
    );
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="product-editor"
    >
      <Typography variant="subtitle1" sx={{ mb: 2, fontWeight: 600 }}>
        {entry ? t('issueBooks.editProduct') : t('issueBooks.newProduct')}
      </Typography>
      <Stack spacing={0.5}>
        <BookField label={t('issueBooks.fields.productName')} {...text('name')} autoFocus={!entry} required />
        <BookRow columns="0.9fr 1fr 1.2fr 1fr">
          <BookField label={t('issueBooks.fields.unit')} {...text('unit')} />
          <BookField
            label={t('issueBooks.fields.priceMode')}
            value={draft.priceMode}
            onChange={(value) => setDraft((current) => ({ ...current, priceMode: value as PriceMode }))}
            options={PRICE_MODES.map((mode) => ({ value: mode, label: mode === 'net' ? t('issue.lines.net') : t('issue.lines.gross') }))}
            message={undefined}
            testId="product-price-mode"
          />
          <BookField
            label={draft.priceMode === 'net' ? t('issueBooks.fields.netPrice') : t('issueBooks.fields.grossPrice')}
            {...text('price')}
            required
            slotProps={{ htmlInput: { inputMode: 'decimal', style: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } } }}
          />
          <BookField
            label={t('issueBooks.fields.rate')}
            value={draft.rate}
            onChange={(value) => set('rate', value)}
            options={VAT_RATES.map((rate) => ({ value: rate, label: t(`issue.rates.${rate}`) }))}
            message={message('rate')}
            testId="product-rate"
          />
        </BookRow>
        <BookRow columns="1fr 1fr">
          <BookField label={t('issueBooks.fields.pkwiu')} {...text('pkwiu')} slotProps={{ htmlInput: { maxLength: 32 } }} />
          <BookField
            label={t('issueBooks.fields.gtu')}
            value={draft.gtu}
            onChange={(value) => set('gtu', value)}
            options={[{ value: '', label: t('issueBooks.fields.noGtu') }, ...GTU_CODES.map((code) => ({ value: code, label: code }))]}
            message={message('gtu')}
            testId="product-gtu"
          />
        </BookRow>
        <FormControlLabel
          control={<Checkbox checked={draft.annex15} onChange={(event) => setDraft((current) => ({ ...current, annex15: event.target.checked }))} data-testid="product-annex15" />}
          label={t('issueAdvance.details.annex15')}
        />
      </Stack>
      {save.isError && !problemsOfFailure(save.error) ? <ErrorAlert error={save.error} /> : null}
      <EditorActions busy={save.isPending} onCancel={onCancel} testIdPrefix="product" />
    </Box>
  );
}

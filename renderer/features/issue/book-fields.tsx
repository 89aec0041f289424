import { Box, Button, TextField, type TextFieldProps } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../components/BusyButton';
import type { FieldMessage } from './book-validation';

type BookFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'error' | 'helperText'> & {
  value: string;
  onChange: (value: string) => void;
  message: FieldMessage | undefined;
  testId: string;
  options?: { value: string; label: string }[];
};

/** A text field (or native select, with `options`) of a book editor; its problem, once shown, replaces the helper. */
export function BookField({ value, onChange, message, testId, options, slotProps, ...props }: BookFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      size="small"
      fullWidth
      {...props}
      select={options !== undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={message !== undefined}
      helperText={message ? t(message.key, message.values) : ' '}
      slotProps={{ ...slotProps, inputLabel: { shrink: true }, ...(options ? { select: { native: true } } : {}), htmlInput: { 'data-testid': testId, ...(slotProps?.htmlInput as object | undefined) } }}
    >
      {options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/** Fields whose problems are shown: each after the user left it, all after the first "Zapisz". */
export function useShownProblems<Field extends string>() {
  const [left, setLeft] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  return {
    submitted,
    submit: () => setSubmitted(true),
    leave: (field: Field) => setLeft((current) => (current.has(field) ? current : new Set([...current, field]))),
    isShown: (field: Field) => submitted || left.has(field),
  };
}

/** A row of fields in a grid of the given columns. */
export function BookRow({ columns, children }: { columns: string; children: ReactNode }) {
  return <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: columns, alignItems: 'start' }}>{children}</Box>;
}

/** An editor's "Anuluj" / "Zapisz" row; "Zapisz" submits the editor's form (as Enter in a field does). */
export function EditorActions({ busy, onCancel, testIdPrefix }: { busy: boolean; onCancel: () => void; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 1 }}>
      <Button onClick={onCancel} data-testid={`${testIdPrefix}-cancel`}>
        {t('issueBooks.cancel')}
      </Button>
      <BusyButton type="submit" variant="contained" busy={busy} data-testid={`${testIdPrefix}-save`}>
        {t('issueBooks.save')}
      </BusyButton>
    </Box>
  );
}

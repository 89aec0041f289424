import { Checkbox, FormControlLabel, TextField, type TextFieldProps } from '@mui/material';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useController, useFormContext, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IssueFormValues } from '../../../shared/ipc/channels/issue';

export type IssueFieldPath = FieldPath<IssueFormValues>;

/** Prefix of a message that is already words (from the schema validator), not a translation key. */
export const LITERAL_MESSAGE = '=';

/** A field error in the user's language: form checks carry keys under issue.validation, schema errors their text. */
export function problemText(t: TFunction, message: string | undefined): string {
  if (!message) return '';
  if (message.startsWith(LITERAL_MESSAGE)) return message.slice(LITERAL_MESSAGE.length);
  return t(`issue.validation.${message}`, { defaultValue: message });
}

type FormTextProps = Omit<TextFieldProps, 'name' | 'value' | 'onChange'> & { name: IssueFieldPath; testId?: string; inputMode?: 'numeric' | 'decimal' | 'text' };

/** A text field bound to the form; its error (if any) replaces the helper text. */
export function FormText({ name, testId, inputMode, helperText, slotProps, onBlur, ...props }: FormTextProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const { field, fieldState } = useController({ name, control });
  return (
    <TextField
      size="small"
      {...props}
      name={field.name}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={(event) => {
        field.onBlur();
        onBlur?.(event);
      }}
      inputRef={field.ref}
      error={Boolean(fieldState.error)}
      helperText={fieldState.error ? problemText(t, fieldState.error.message) : helperText}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true },
        htmlInput: { ...(testId ? { 'data-testid': testId } : {}), ...(inputMode ? { inputMode } : {}), ...(slotProps?.htmlInput as object | undefined) },
      }}
    />
  );
}

/** A native select (keyboard friendly: type the first letters) bound to the form. */
export function FormSelect({ name, options, testId, ...props }: Omit<FormTextProps, 'select'> & { options: { value: string; label: string }[] }) {
  return (
    <FormText name={name} testId={testId} select slotProps={{ select: { native: true } }} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </FormText>
  );
}

export function FormCheckbox({ name, label, testId }: { name: IssueFieldPath; label: ReactNode; testId?: string }) {
  const { control } = useFormContext<IssueFormValues>();
  const { field } = useController({ name, control });
  return (
    <FormControlLabel
      label={label}
      control={
        <Checkbox
          size="small"
          checked={field.value === true}
          onChange={(event) => field.onChange(event.target.checked)}
          slotProps={{ input: { ref: field.ref, ...(testId ? { 'data-testid': testId } : {}) } as object }}
        />
      }
    />
  );
}

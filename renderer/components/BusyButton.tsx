import { Button, CircularProgress, type ButtonProps } from '@mui/material';

/** A button that shows a spinner and its busy label while a long operation runs. */
export function BusyButton({ busy, busyLabel, children, disabled, ...props }: ButtonProps & { busy: boolean; busyLabel?: string }) {
  return (
    <Button {...props} disabled={disabled || busy} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : props.startIcon}>
      {busy && busyLabel ? busyLabel : children}
    </Button>
  );
}

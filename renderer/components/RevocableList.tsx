import { Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export interface RevocableListProps<T> {
  items: readonly T[] | undefined;
  emptyText: string;
  itemKey(item: T): string;
  primary(item: T): ReactNode;
  secondary(item: T): ReactNode;
  canRevoke(item: T): boolean;
  revokeLabel: string;
  confirm: { title: string; body(item: T): string; confirmLabel: string; cancelLabel: string };
  onRevoke(item: T): void;
}

/** A list of granted things (tokens, permissions) with a revoke button that asks first. */
export function RevocableList<T>(props: RevocableListProps<T>) {
  const [revoking, setRevoking] = useState<T | null>(null);
  return (
    <>
      {props.items && props.items.length === 0 ? <Typography color="text.secondary">{props.emptyText}</Typography> : null}
      <List dense>
        {(props.items ?? []).map((item) => (
          <ListItem
            key={props.itemKey(item)}
            divider
            secondaryAction={
              props.canRevoke(item) ? (
                <Button size="small" color="error" onClick={() => setRevoking(item)}>
                  {props.revokeLabel}
                </Button>
              ) : null
            }
          >
            <ListItemText primary={props.primary(item)} secondary={props.secondary(item)} />
          </ListItem>
        ))}
      </List>
      <ConfirmDialog
        open={revoking !== null}
        title={props.confirm.title}
        body={revoking === null ? '' : props.confirm.body(revoking)}
        confirmLabel={props.confirm.confirmLabel}
        cancelLabel={props.confirm.cancelLabel}
        danger
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking !== null) props.onRevoke(revoking);
          setRevoking(null);
        }}
      />
    </>
  );
}

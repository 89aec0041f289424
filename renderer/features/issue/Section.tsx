import { Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One titled block of the form. */
export function Section({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId} component="section">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5, minHeight: 32 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Paper>
  );
}

/** A responsive row of fields: each child takes the given share of the row on wide screens. */
export function FieldRow({ children, columns }: { children: ReactNode; columns: string }) {
  return (
    <Stack
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', md: columns },
        alignItems: 'start',
        '&:not(:last-child)': { mb: 2 },
      }}
    >
      {children}
    </Stack>
  );
}

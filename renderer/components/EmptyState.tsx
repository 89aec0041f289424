import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** An honest "nothing here yet" panel: what will appear here and why it is empty now. */
export function EmptyState({ title, body, note, icon }: { title: string; body: string; note?: string; icon?: ReactNode }) {
  return (
    <Box
      role="status"
      sx={{ textAlign: 'center', py: 8, px: 3, color: 'text.secondary', maxWidth: 560, mx: 'auto' }}
    >
      <Box sx={{ fontSize: 56, mb: 1, color: 'action.disabled' }}>{icon ?? <InboxOutlinedIcon fontSize="inherit" />}</Box>
      <Typography variant="h6" color="text.primary" gutterBottom>
        {title}
      </Typography>
      <Typography variant="body1">{body}</Typography>
      {note ? (
        <Typography variant="body2" sx={{ mt: 2 }}>
          {note}
        </Typography>
      ) : null}
    </Box>
  );
}

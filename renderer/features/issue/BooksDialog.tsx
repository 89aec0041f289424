import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmountPl } from '../../../shared/domain/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBookMutations, useContractors, useProducts } from './queries';

/** The contractors book and the products list of the company: search and remove (entries come from issued invoices). */
export function BooksDialog({ nip, open, onClose }: { nip: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'contractors' | 'products'>('contractors');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const contractors = useContractors(nip, tab === 'contractors' ? deferred : '');
  const products = useProducts(nip, tab === 'products' ? deferred : '');
  const mutations = useBookMutations(nip);
  const empty = (
    <ListItem>
      <Typography variant="body2" color="text.secondary">
        {t('issue.books.empty')}
      </Typography>
    </ListItem>
  );
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="books-dialog">
      <DialogTitle>{t('issue.books.title')}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 420 }}>
        <Tabs value={tab} onChange={(_event, value: 'contractors' | 'products') => setTab(value)} sx={{ mb: 2 }}>
          <Tab value="contractors" label={t('issue.books.contractors')} />
          <Tab value="products" label={t('issue.books.products')} />
        </Tabs>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {t('issue.books.intro')}
        </Typography>
        <TextField size="small" fullWidth label={t('issue.books.search')} value={query} onChange={(event) => setQuery(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <Box sx={{ maxHeight: 360, overflow: 'auto', mt: 1 }}>
          {tab === 'contractors' ? (
            <List dense>
              {(contractors.data ?? []).length === 0 ? empty : null}
              {(contractors.data ?? []).map((entry) => (
                <ListItem
                  key={entry.id}
                  secondaryAction={
                    <IconButton size="small" aria-label={t('issue.books.remove')} onClick={() => mutations.removeContractor.mutate(entry.id)}>
                      <DeleteOutlinedIcon fontSize="small" />
                    </IconButton>
                  }
                >
                  <ListItemText
                    primary={entry.name}
                    secondary={[entry.identifierType === 'NONE' ? t('issue.buyer.types.NONE') : `${entry.identifierType === 'NIP' ? 'NIP' : entry.identifierCountry} ${entry.identifier}`, entry.address.line1, entry.address.line2].filter(Boolean).join(' · ')}
                  />
                </ListItem>
              ))}
            </List>
          ) : (
            <List dense>
              {(products.data ?? []).length === 0 ? empty : null}
              {(products.data ?? []).map((entry) => (
                <ListItem
                  key={entry.id}
                  secondaryAction={
                    <IconButton size="small" aria-label={t('issue.books.remove')} onClick={() => mutations.removeProduct.mutate(entry.id)}>
                      <DeleteOutlinedIcon fontSize="small" />
                    </IconButton>
                  }
                >
                  <ListItemText
                    primary={entry.name}
                    secondary={`${formatAmountPl(entry.price)} ${entry.priceMode === 'net' ? t('issue.lines.net') : t('issue.lines.gross')} · ${t(`issue.rates.${entry.rate}`, { defaultValue: entry.rate })} · ${entry.unit}`}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Box>
        {mutations.removeContractor.isError ? <ErrorAlert error={mutations.removeContractor.error} /> : null}
        {mutations.removeProduct.isError ? <ErrorAlert error={mutations.removeProduct.error} /> : null}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('issue.books.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

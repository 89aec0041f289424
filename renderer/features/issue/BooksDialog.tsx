import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmountPl } from '../../../shared/domain/money';
import type { Contractor, Product } from '../../../shared/ipc/channels/issue';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ContractorEditor } from './ContractorEditor';
import { ProductEditor } from './ProductEditor';
import { useBookMutations, useContractors, useProducts } from './queries';

type BookTab = 'contractors' | 'products';
/** What the dialog shows instead of the list: a new entry (no `entry`) or the one being edited. */
type Editing = { tab: 'contractors'; entry?: Contractor } | { tab: 'products'; entry?: Product };

/** One row of a book: its words, and the edit and remove buttons. */
function BookEntry({ primary, secondary, onEdit, onRemove }: { primary: string; secondary: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <ListItem
      data-testid="book-entry"
      secondaryAction={
        <Box sx={{ display: 'flex', gap: 0.5 }}>
          <IconButton size="small" aria-label={`${t('issueBooks.edit')}: ${primary}`} onClick={onEdit} data-testid="book-edit">
            <EditOutlinedIcon fontSize="small" />
          </IconButton>
          <IconButton size="small" aria-label={`${t('issueBooks.remove')}: ${primary}`} onClick={onRemove} data-testid="book-remove">
            <DeleteOutlinedIcon fontSize="small" />
          </IconButton>
        </Box>
      }
      sx={{ pr: 11 }}
    >
      <ListItemText primary={primary} secondary={secondary} />
    </ListItem>
  );
}

/** The contractors book and the products list of the company: search, add and edit by hand, remove. */
export function BooksDialog({ nip, open, onClose }: { nip: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<BookTab>('contractors');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [toRemove, setToRemove] = useState<{ tab: BookTab; id: string; name: string } | null>(null);
  const deferred = useDeferredValue(query);
  const contractors = useContractors(nip, tab === 'contractors' ? deferred : '');
  const products = useProducts(nip, tab === 'products' ? deferred : '');
  const mutations = useBookMutations(nip);

  const startEditing = (next: Editing) => {
    setSavedName(null);
    setEditing(next);
  };
  const saved = (name: string) => {
    setEditing(null);
    setSavedName(name);
  };
  const contractorLabel = (entry: Contractor) => {
    const identifier = entry.identifierType === 'NONE' ? t('issue.buyer.types.NONE') : `${entry.identifierType === 'NIP' ? 'NIP' : entry.identifierCountry} ${entry.identifier}`;
    return [identifier, entry.address.line1, entry.address.line2, entry.email].filter(Boolean).join(' · ');
  };
  const productLabel = (entry: Product) =>
    [
      `${formatAmountPl(entry.price)} ${entry.priceMode === 'net' ? t('issue.lines.net') : t('issue.lines.gross')}`,
      t(`issue.rates.${entry.rate}`, { defaultValue: entry.rate }),
      entry.unit,
      entry.pkwiu ? `PKWiU ${entry.pkwiu}` : '',
      entry.gtu,
      entry.annex15 ? t('issueAdvance.details.annex15Short') : '',
    ]
      .filter(Boolean)
      .join(' · ');

  const list = (entries: ReactNode[]) => (
    <List dense data-testid="book-list">
      {entries.length === 0 ? (
        <ListItem>
          <Typography variant="body2" color="text.secondary">
            {t('issueBooks.empty')}
          </Typography>
        </ListItem>
      ) : (
        entries
      )}
    </List>
  );
  const editor =
    editing?.tab === 'contractors' ? (
      <ContractorEditor key={editing.entry?.id ?? 'new'} nip={nip} entry={editing.entry} onDone={(entry) => saved(entry.name)} onCancel={() => setEditing(null)} />
    ) : editing?.tab === 'products' ? (
      <ProductEditor key={editing.entry?.id ?? 'new'} nip={nip} entry={editing.entry} onDone={(entry) => saved(entry.name)} onCancel={() => setEditing(null)} />
    ) : null;

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth data-testid="books-dialog">
      <DialogTitle>{t('issueBooks.title')}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 460 }}>
        <Tabs
          value={tab}
          onChange={(_event, value: BookTab) => {
            setTab(value);
            setEditing(null);
            setSavedName(null);
          }}
          sx={{ mb: 2 }}
        >
          <Tab value="contractors" label={t('issueBooks.contractors')} />
          <Tab value="products" label={t('issueBooks.products')} />
        </Tabs>
        {editor ?? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {t('issueBooks.intro')}
            </Typography>
            {savedName ? (
              <Alert severity="success" sx={{ mb: 1.5 }} data-testid="book-saved">
                {t('issueBooks.saved', { name: savedName })}
              </Alert>
            ) : null}
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
              <TextField size="small" fullWidth label={t('issueBooks.search')} value={query} onChange={(event) => setQuery(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
              <Button variant="outlined" startIcon={<AddOutlinedIcon />} onClick={() => startEditing({ tab })} sx={{ flexShrink: 0 }} data-testid="book-add">
                {tab === 'contractors' ? t('issueBooks.addContractor') : t('issueBooks.addProduct')}
              </Button>
            </Box>
            <Box sx={{ maxHeight: 360, overflow: 'auto', mt: 1 }}>
              {tab === 'contractors'
                ? list(
                    (contractors.data ?? []).map((entry) => (
                      <BookEntry key={entry.id} primary={entry.name} secondary={contractorLabel(entry)} onEdit={() => startEditing({ tab: 'contractors', entry })} onRemove={() => setToRemove({ tab: 'contractors', id: entry.id, name: entry.name })} />
                    )),
                  )
                : list(
                    (products.data ?? []).map((entry) => (
                      <BookEntry key={entry.id} primary={entry.name} secondary={productLabel(entry)} onEdit={() => startEditing({ tab: 'products', entry })} onRemove={() => setToRemove({ tab: 'products', id: entry.id, name: entry.name })} />
                    )),
                  )}
            </Box>
            {mutations.removeContractor.isError ? <ErrorAlert error={mutations.removeContractor.error} /> : null}
            {mutations.removeProduct.isError ? <ErrorAlert error={mutations.removeProduct.error} /> : null}
          </>
        )}
        <ConfirmDialog
          open={toRemove !== null}
          title={t('issueBooks.removeTitle')}
          body={t(toRemove?.tab === 'products' ? 'issueBooks.removeProductBody' : 'issueBooks.removeContractorBody', { name: toRemove?.name ?? '' })}
          confirmLabel={t('issueBooks.removeConfirm')}
          cancelLabel={t('issueBooks.cancel')}
          danger
          onConfirm={() => {
            if (toRemove?.tab === 'products') mutations.removeProduct.mutate(toRemove.id);
            else if (toRemove) mutations.removeContractor.mutate(toRemove.id);
            setToRemove(null);
          }}
          onCancel={() => setToRemove(null)}
        />
      </DialogContent>
      <DialogActions>
        <Button variant={editor ? 'text' : 'contained'} onClick={onClose}>
          {t('issueBooks.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

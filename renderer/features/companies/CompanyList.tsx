import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Button, Chip, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompaniesState, Company } from '../../../shared/ipc/channels/companies';
import { useCompanyMutations } from '../../api/account-queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';

export function CompanyList({ state, signedInNip }: { state: CompaniesState; signedInNip: string | null }) {
  const { t } = useTranslation();
  const { select, remove } = useCompanyMutations();
  const [removing, setRemoving] = useState<Company | null>(null);
  const failure = select.error ?? remove.error;

  return (
    <>
      {failure ? <ErrorAlert error={failure} /> : null}
      <List data-testid="company-list">
        {state.companies.map((company) => {
          const selected = company.nip === state.selectedNip;
          return (
            <ListItem
              key={company.nip}
              divider
              data-testid="company-entry"
              secondaryAction={
                <Stack direction="row" spacing={1}>
                  {!selected ? (
                    <Button size="small" onClick={() => select.mutate(company.nip)}>
                      {t('companies.select')}
                    </Button>
                  ) : null}
                  <Button size="small" color="error" startIcon={<DeleteOutlinedIcon />} onClick={() => setRemoving(company)}>
                    {t('companies.remove')}
                  </Button>
                </Stack>
              }
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <span>{company.name}</span>
                    {selected ? <Chip size="small" color="primary" label={t('companies.selected')} /> : null}
                    {company.nip === signedInNip ? <Chip size="small" color="success" label={t('companies.signedInHere')} /> : null}
                  </Stack>
                }
                secondary={`NIP ${company.nip}`}
              />
            </ListItem>
          );
        })}
      </List>
      <ConfirmDialog
        open={removing !== null}
        title={t('companies.removeTitle')}
        body={t('companies.removeBody', { name: removing?.name ?? '', nip: removing?.nip ?? '' })}
        confirmLabel={t('companies.removeConfirm')}
        cancelLabel={t('companies.cancel')}
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing.nip);
          setRemoving(null);
        }}
      />
    </>
  );
}

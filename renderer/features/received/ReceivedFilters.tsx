import ClearIcon from '@mui/icons-material/ClearAllOutlined';
import SearchIcon from '@mui/icons-material/Search';
import { Button, InputAdornment, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RECEIVED_SUBJECTS } from '../../../shared/ipc/channels/received';
import { useCompanies } from '../../api/account-queries';
import { ALL_COMPANIES, CURRENCIES, EMPTY_FORM, KINDS, hasFilters, type FilterForm } from './filter-model';

/** Company switcher, role, search box and the column filters (dates, amounts, seller, currency, kind, read). */
export function ReceivedFilters({ form, onChange }: { form: FilterForm; onChange: (form: FilterForm) => void }) {
  const { t } = useTranslation();
  const companies = useCompanies().data?.companies ?? [];
  const set = <K extends keyof FilterForm>(key: K) => (value: FilterForm[K]) => onChange({ ...form, [key]: value });
  const small = { size: 'small' as const };
  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
        <TextField
          select
          {...small}
          label={t('received.company')}
          value={form.companyNip}
          onChange={(e) => set('companyNip')(e.target.value)}
          sx={{ minWidth: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'received-company' } }}
        >
          <MenuItem value={ALL_COMPANIES}>{t('received.allCompanies')}</MenuItem>
          {companies.map((company) => (
            <MenuItem key={company.nip} value={company.nip}>
              {company.name} · {company.nip}
            </MenuItem>
          ))}
        </TextField>
        <TextField select {...small} label={t('received.subject.label')} value={form.subject} onChange={(e) => set('subject')(e.target.value as FilterForm['subject'])} sx={{ minWidth: 180 }}>
          {RECEIVED_SUBJECTS.map((subject) => (
            <MenuItem key={subject} value={subject}>
              {t(`received.subject.${subject}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...small}
          fullWidth
          label={t('received.search')}
          value={form.q}
          onChange={(e) => set('q')(e.target.value)}
          slotProps={{
            htmlInput: { maxLength: 200, 'data-testid': 'received-search' },
            input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
          }}
        />
      </Stack>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField {...small} type="date" label={t('received.filters.issueFrom')} value={form.issueFrom} onChange={(e) => set('issueFrom')(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'received-issue-from' } }} />
        <TextField {...small} type="date" label={t('received.filters.issueTo')} value={form.issueTo} onChange={(e) => set('issueTo')(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'received-issue-to' } }} />
        <TextField {...small} label={t('received.filters.grossFrom')} value={form.grossFrom} onChange={(e) => set('grossFrom')(e.target.value)} sx={{ width: 130 }} slotProps={{ htmlInput: { inputMode: 'decimal', maxLength: 22, 'data-testid': 'received-gross-from' } }} />
        <TextField {...small} label={t('received.filters.grossTo')} value={form.grossTo} onChange={(e) => set('grossTo')(e.target.value)} sx={{ width: 130 }} slotProps={{ htmlInput: { inputMode: 'decimal', maxLength: 22, 'data-testid': 'received-gross-to' } }} />
        <TextField {...small} label={t('received.filters.seller')} value={form.sellerNip} onChange={(e) => set('sellerNip')(e.target.value)} sx={{ width: 150 }} slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 13, 'data-testid': 'received-seller' } }} />
        <TextField select {...small} label={t('received.filters.currency')} value={form.currency} onChange={(e) => set('currency')(e.target.value)} sx={{ width: 120 }}>
          <MenuItem value="">{t('received.filters.any')}</MenuItem>
          {CURRENCIES.map((code) => (
            <MenuItem key={code} value={code}>
              {code}
            </MenuItem>
          ))}
        </TextField>
        <TextField select {...small} label={t('received.filters.kind')} value={form.kind} onChange={(e) => set('kind')(e.target.value)} sx={{ width: 200 }}>
          <MenuItem value="">{t('received.filters.anyKind')}</MenuItem>
          {KINDS.map((kind) => (
            <MenuItem key={kind} value={kind}>
              {t(`received.kind.${kind}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select {...small} label={t('received.filters.read')} value={form.read} onChange={(e) => set('read')(e.target.value as FilterForm['read'])} sx={{ width: 160 }}>
          <MenuItem value="">{t('received.filters.readAll')}</MenuItem>
          <MenuItem value="unread">{t('received.filters.unreadOnly')}</MenuItem>
          <MenuItem value="read">{t('received.filters.readOnly')}</MenuItem>
        </TextField>
        {hasFilters(form) ? (
          <Button startIcon={<ClearIcon />} onClick={() => onChange({ ...EMPTY_FORM, companyNip: form.companyNip, subject: form.subject })}>
            {t('received.filters.clear')}
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}

import BusinessOutlinedIcon from '@mui/icons-material/BusinessOutlined';
import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import PostAddOutlinedIcon from '@mui/icons-material/PostAddOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import type { ComponentType, ReactElement } from 'react';
import { CertificatesPage } from '../features/certificates/CertificatesPage';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { IssuePage } from '../features/issue/IssuePage';
import { ReceivedNavIcon } from '../features/received/ReceivedNavIcon';
import { ReceivedPage } from '../features/received/ReceivedPage';
import { SentPage } from '../features/sent/SentPage';
import { SettingsPage } from '../features/settings/SettingsPage';

export const PAGE_IDS = ['issue', 'sent', 'received', 'certificates', 'companies', 'settings'] as const;
export type PageId = (typeof PAGE_IDS)[number];

export interface PageDefinition {
  id: PageId;
  icon: ReactElement;
  component: ComponentType;
}

/** The navigation, in the order a sole trader meets the features. */
export const PAGES: PageDefinition[] = [
  { id: 'issue', icon: <PostAddOutlinedIcon />, component: IssuePage },
  { id: 'sent', icon: <OutboxOutlinedIcon />, component: SentPage },
  { id: 'received', icon: <ReceivedNavIcon />, component: ReceivedPage },
  { id: 'certificates', icon: <VerifiedUserOutlinedIcon />, component: CertificatesPage },
  { id: 'companies', icon: <BusinessOutlinedIcon />, component: CompaniesPage },
  { id: 'settings', icon: <SettingsOutlinedIcon />, component: SettingsPage },
];

/** The start view (no page in the hash, e.g. at launch) or #/welcome (Settings → "Show the guide"). */
export function isGuideHash(hash: string): boolean {
  const id = hash.replace(/^#\/?/, '');
  return id === 'welcome' || !(PAGE_IDS as readonly string[]).includes(id);
}

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '');
  return (PAGE_IDS as readonly string[]).includes(id) ? (id as PageId) : 'issue';
}

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
import type { PageId } from './hash-route';

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

import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';
import { nipSchema, noInput, personNameSchema } from './limits';

/** A company (NIP context) the user works for. */
export interface Company {
  nip: string;
  name: string;
  addedAt: string;
}

export interface CompaniesState {
  companies: Company[];
  /** The context used for sign-in and everything done in KSeF; null when no company is chosen. */
  selectedNip: string | null;
}

export const companyChannels = {
  'companies:list': defineChannel(noInput).returns<CompaniesState>(),
  'companies:add': defineChannel(z.object({ nip: nipSchema, name: personNameSchema, select: z.boolean().optional() }).strict()).returns<CompaniesState>(),
  'companies:remove': defineChannel(z.object({ nip: nipSchema }).strict()).returns<CompaniesState>(),
  'companies:select': defineChannel(z.object({ nip: nipSchema }).strict()).returns<CompaniesState>(),
} as const;

export const companyEvents = {
  'companies:changed': defineEvent<CompaniesState>(),
} as const;

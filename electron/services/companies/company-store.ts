import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isValidNip } from '../../../shared/domain/nip';
import type { CompaniesState, Company } from '../../../shared/ipc/channels/companies';
import { AppError } from '../errors/app-error';
import { writeFileAtomic } from '../storage/atomic-write';
import { SerialQueue } from '../storage/serial-queue';

export const COMPANIES_FILE = 'companies.json';

const fileSchema = z.object({
  version: z.literal(1),
  companies: z.array(
    z.object({
      nip: z.string().refine(isValidNip),
      name: z.string().min(1).max(200),
      addedAt: z.string(),
    }),
  ),
  selectedNip: z.string().nullable(),
});

/**
 * The companies (NIP contexts) of a profile and the one currently chosen. A small JSON file written
 * atomically with mode 0600 and checked with zod on every read, so a hand-edited file cannot crash main.
 */
export class CompanyStore {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly profileDir: string,
    private readonly clock: { now(): Date } = { now: () => new Date() },
    private readonly onChange: (state: CompaniesState) => void = () => undefined,
  ) {}

  async list(): Promise<CompaniesState> {
    return this.read();
  }

  async find(nip: string): Promise<Company | undefined> {
    return (await this.read()).companies.find((company) => company.nip === nip);
  }

  add(nip: string, name: string, select = false): Promise<CompaniesState> {
    return this.update((state) => {
      if (!isValidNip(nip)) throw new AppError('INVALID_NIP', 'invalid NIP');
      if (state.companies.some((company) => company.nip === nip)) throw new AppError('ALREADY_EXISTS', `company ${nip} exists`);
      const companies = [...state.companies, { nip, name: name.trim(), addedAt: this.clock.now().toISOString() }];
      // The first company is selected automatically: there is nothing else to choose.
      const selectedNip = select || state.selectedNip === null ? nip : state.selectedNip;
      return { companies, selectedNip };
    });
  }

  remove(nip: string): Promise<CompaniesState> {
    return this.update((state) => {
      if (!state.companies.some((company) => company.nip === nip)) throw new AppError('NOT_FOUND', `no company ${nip}`);
      const companies = state.companies.filter((company) => company.nip !== nip);
      const selectedNip = state.selectedNip === nip ? (companies[0]?.nip ?? null) : state.selectedNip;
      return { companies, selectedNip };
    });
  }

  select(nip: string): Promise<CompaniesState> {
    return this.update((state) => {
      if (!state.companies.some((company) => company.nip === nip)) throw new AppError('NOT_FOUND', `no company ${nip}`);
      return { ...state, selectedNip: nip };
    });
  }

  private update(change: (state: CompaniesState) => CompaniesState): Promise<CompaniesState> {
    const run = async () => {
      const next = change(await this.read());
      try {
        await writeFileAtomic(this.filePath(), JSON.stringify({ version: 1, ...next }, null, 2));
      } catch {
        throw new AppError('STORAGE_ERROR', 'cannot write companies', [COMPANIES_FILE]);
      }
      this.onChange(next);
      return next;
    };
    return this.queue.run(run);
  }

  private async read(): Promise<CompaniesState> {
    let text: string;
    try {
      text = await readFile(this.filePath(), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { companies: [], selectedNip: null };
      throw new AppError('STORAGE_ERROR', 'cannot read companies', [COMPANIES_FILE]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('STORAGE_ERROR', 'companies file is not JSON', [COMPANIES_FILE]);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw new AppError('STORAGE_ERROR', 'companies file is invalid', [COMPANIES_FILE]);
    const { companies, selectedNip } = parsed.data;
    return { companies, selectedNip: companies.some((company) => company.nip === selectedNip) ? selectedNip : null };
  }

  private filePath(): string {
    return path.join(this.profileDir, COMPANIES_FILE);
  }
}

import { randomUUID } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isEnvironment, type KsefEnvironment } from '../../../shared/domain/environments';
import type { SavedToken } from '../../../shared/ipc/channels/tokens';
import type { KeyProtector } from '../certificates';
import { AppError } from '../errors/app-error';
import { writeFileAtomic } from '../storage/atomic-write';
import { SerialQueue } from '../storage/serial-queue';

const ID = /^[0-9a-f-]{36}$/;
const metadataSchema = z.object({
  version: z.literal(1),
  tokens: z.array(
    z.object({
      id: z.string().regex(ID),
      contextNip: z.string().regex(/^\d{10}$/),
      description: z.string().min(1).max(256),
      referenceNumber: z.string().max(64).optional(),
      environment: z.string().refine(isEnvironment),
      savedAt: z.string(),
    }),
  ),
});

/**
 * KSeF token secrets kept for "sign in with a token": public metadata in `tokens.json`, each secret
 * encrypted with the same protector as the private keys in `<id>.token`.
 */
export class SavedTokenStore {
  private readonly dir: string;
  private readonly queue = new SerialQueue();

  constructor(
    profileDir: string,
    private readonly protector: KeyProtector,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {
    this.dir = path.join(profileDir, 'tokens');
  }

  async list(): Promise<SavedToken[]> {
    return (await this.readMetadata()).map((token) => ({ ...token, environment: token.environment as KsefEnvironment }));
  }

  async get(id: string): Promise<SavedToken> {
    const token = (await this.list()).find((candidate) => candidate.id === id);
    if (!token) throw new AppError('NOT_FOUND', `no saved token ${id}`);
    return token;
  }

  add(input: Omit<SavedToken, 'id' | 'savedAt'>, secret: string): Promise<SavedToken> {
    return this.exclusive(async () => {
      const tokens = await this.list();
      if (input.referenceNumber && tokens.some((token) => token.referenceNumber === input.referenceNumber)) {
        throw new AppError('ALREADY_EXISTS', 'token already saved');
      }
      const saved: SavedToken = { ...input, id: randomUUID(), savedAt: this.clock.now().toISOString() };
      const plain = Buffer.from(secret, 'utf8');
      try {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(this.secretPath(saved.id), await this.protector.encrypt(plain));
      } finally {
        plain.fill(0);
      }
      await this.writeMetadata([...tokens, saved]);
      return saved;
    });
  }

  remove(id: string): Promise<void> {
    return this.exclusive(async () => {
      const tokens = await this.list();
      if (!tokens.some((token) => token.id === id)) throw new AppError('NOT_FOUND', `no saved token ${id}`);
      await this.writeMetadata(tokens.filter((token) => token.id !== id));
      // The metadata no longer names it; a missing secret file is fine, any other failure must surface.
      await unlink(this.secretPath(id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    });
  }

  async removeByReference(referenceNumber: string): Promise<void> {
    const saved = (await this.list()).find((token) => token.referenceNumber === referenceNumber);
    if (saved) await this.remove(saved.id);
  }

  /** The decrypted secret, only for the duration of `fn`. */
  async withSecret<T>(id: string, fn: (secret: string) => Promise<T>): Promise<T> {
    await this.get(id);
    let blob: Buffer;
    try {
      blob = await readFile(this.secretPath(id));
    } catch {
      throw new AppError('STORAGE_ERROR', 'saved token secret missing', [id]);
    }
    const plain = await this.protector.decrypt(blob);
    const secret = plain.toString('utf8');
    plain.fill(0);
    return fn(secret);
  }

  private secretPath(id: string): string {
    if (!ID.test(id)) throw new AppError('NOT_FOUND', 'invalid token id');
    return path.join(this.dir, `${id}.token`);
  }

  private async readMetadata(): Promise<z.infer<typeof metadataSchema>['tokens']> {
    let text: string;
    try {
      text = await readFile(path.join(this.dir, 'tokens.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('STORAGE_ERROR', 'cannot read saved tokens');
    }
    try {
      return metadataSchema.parse(JSON.parse(text)).tokens;
    } catch {
      throw new AppError('STORAGE_ERROR', 'saved tokens file is invalid', ['tokens.json']);
    }
  }

  private async writeMetadata(tokens: SavedToken[]): Promise<void> {
    await writeFileAtomic(path.join(this.dir, 'tokens.json'), JSON.stringify({ version: 1, tokens }, null, 2));
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    return this.queue.run(operation);
  }
}

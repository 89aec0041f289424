import { defineChannel, defineEvent } from '../define';
import { noInput } from './limits';

/**
 * The app's own updates. 'disabled': no update feed here (development, browser mode, CLI, or turned off);
 * 'ready': downloaded, installed when the app restarts (the top bar offers "install on restart").
 */
export type UpdatePhase = 'disabled' | 'idle' | 'checking' | 'downloading' | 'ready' | 'error';

export interface UpdateStatus {
  phase: UpdatePhase;
  currentVersion: string;
  /** The newer version found (while downloading and when ready). */
  availableVersion?: string;
  lastCheckedAt?: string;
  /** The user asked to restart while a send or sync was running: it happens as soon as they finish. */
  installPending: boolean;
}

export const updateChannels = {
  'updates:status': defineChannel(noInput).returns<UpdateStatus>(),
  'updates:check': defineChannel(noInput).returns<UpdateStatus>(),
  /** Restart and install now, or as soon as no send or sync is running. */
  'updates:install': defineChannel(noInput).returns<UpdateStatus>(),
} as const;

export const updateEvents = {
  'updates:changed': defineEvent<UpdateStatus>(),
} as const;

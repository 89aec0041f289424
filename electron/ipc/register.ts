import { CHANNELS } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import type { Dispatch } from './dispatch';

/** The parts of Electron's IpcMainInvokeEvent we look at (kept structural so tests need no Electron). */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface TrustedSenderPolicy {
  /** webContents ids of our own windows. */
  isOwnWebContents(id: number): boolean;
  /** Where the UI is served from, e.g. protocol `app:` and host `ksef-desk`. */
  appProtocol: string;
  appHost: string;
}

/**
 * Only our own window's main frame, loaded from our own app:// origin, may call main.
 * Anything else (an iframe, a navigated-away page, another webContents) is refused.
 */
export function isTrustedSender(event: InvokeEventLike, policy: TrustedSenderPolicy): boolean {
  if (!policy.isOwnWebContents(event.sender.id)) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    // URL.origin is "null" for custom schemes, so compare scheme and host explicitly.
    const url = new URL(frame.url);
    return url.protocol === policy.appProtocol && url.host === policy.appHost;
  } catch {
    return false;
  }
}

/** Registers one ipcMain handler per contract channel; nothing else is ever registered. */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch, policy: TrustedSenderPolicy): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event, policy)) return fail('FORBIDDEN_SENDER');
      return dispatch(channel, payload);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

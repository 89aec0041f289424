import { describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../services/app/app-core';
import type { DeadlineCandidate } from '../services/outbox/offline/deadline-reminder';
import { EventBus } from '../ipc/handlers';

const shown = vi.hoisted(() => [] as { title: string; body: string }[]);
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      shown.push(this.options);
    }
  },
}));

const { remindOfOfflineDeadlines } = await import('./deadline-notifications');

describe('offline deadline reminders in Electron', () => {
  it('shows an OS notification for an invoice due today, and looks again when the outbox changes', () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
    let candidates: DeadlineCandidate[] = [];
    const events = new EventBus();
    const core = { events, offlineDeadlines: () => candidates, settings: { get: () => ({ language: 'pl' }) } } as unknown as AppCore;

    const stop = remindOfOfflineDeadlines(core);
    expect(shown).toEqual([]); // nothing offline yet
    candidates = [{ outboxId: 'x', invoiceNumber: 'FV/7/2026', deadline: today }];
    events.publish('outbox:changed', { ids: ['x'] });
    expect(shown).toEqual([{ title: 'Faktury offline do wysłania do KSeF', body: 'termin dziś: FV/7/2026. Wyślij je na stronie „Wysłane”.' }]);
    events.publish('outbox:changed', { ids: ['x'] });
    expect(shown).toHaveLength(1);
    stop();
    candidates = [{ outboxId: 'y', invoiceNumber: 'FV/8/2026', deadline: today }];
    events.publish('outbox:changed', { ids: ['y'] });
    expect(shown).toHaveLength(1); // stopped: no more reminders
  });
});

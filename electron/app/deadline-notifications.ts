/** Electron adapter: shows the OS reminders of offline invoices' sending deadlines that the service decides on. */
import { Notification } from 'electron';
import type { AppCore } from '../services/app/app-core';
import { DeadlineReminder } from '../services/outbox/offline/deadline-reminder';

export function remindOfOfflineDeadlines(core: AppCore): () => void {
  const reminder = new DeadlineReminder({
    candidates: () => core.offlineDeadlines(),
    language: () => core.settings.get().language,
    show: (notice) => {
      if (Notification.isSupported()) new Notification({ title: notice.title, body: notice.body }).show();
    },
  });
  reminder.start();
  // A new offline invoice, one sent, or an outage that ended (deadlines become known) is a reason to look now.
  const unsubscribe = core.events.subscribe((event) => {
    if (event === 'outbox:changed' || event === 'offline:changed') reminder.check();
  });
  return () => {
    unsubscribe();
    reminder.stop();
  };
}

/** Electron adapter: shows the OS notification the received-invoice module decides on. Thin on purpose. */
import { Notification } from 'electron';
import type { ReceivedSyncSummary } from '../../shared/ipc/channels/received';
import type { AppCore } from '../services/app/app-core';
import { noticeForSync } from '../services/received/notifications';

export function showReceivedNotifications(core: AppCore): void {
  core.events.subscribe((event, payload) => {
    if (event !== 'received:synced' || !Notification.isSupported()) return;
    const summary = payload as ReceivedSyncSummary;
    void core.account.companies.find(summary.companyNip).then((company) => {
      const notice = noticeForSync(summary, { ...(company ? { companyName: company.name } : {}), language: core.settings.get().language });
      if (notice) new Notification({ title: notice.title, body: notice.body }).show();
    });
  });
}

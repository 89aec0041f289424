import { useState } from 'react';
import { warsawDate } from '../../../shared/domain/business-days';
import { isTechnicalRejection, type OfflineInvoiceView } from '../../../shared/ipc/channels/offline';
import { unwrap, useKsefApi } from '../../api/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes, saveDownload } from '../../components/download';
import { SentDetail, type DownloadKind } from './SentDetail';
import { deadlineView } from './sent-model';
import { useOutboxItem, useResend, useSentInvoiceView } from './sent-queries';
import { InvoiceView } from '../../components/invoice-view';
import { XmlEditDialog } from './XmlEditDialog';

type Editing = { mode: 'resend' | 'technical'; xml: string } | null;

/** Loads one outbox item and wires the detail's downloads, "fix and resend" and the technical correction. */
export function SentDetailPanel({ id, offline, onClose }: { id: string; offline: OfflineInvoiceView | undefined; onClose: () => void }) {
  const api = useKsefApi();
  const item = useOutboxItem(id);
  const view = useSentInvoiceView(id);
  const resend = useResend();
  const [busyDownload, setBusyDownload] = useState<DownloadKind | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState<Editing>(null);

  if (item.isError) return <ErrorAlert error={item.error} />;
  if (!item.data) return null;
  const detail = item.data;
  const technical = detail.state === 'rejected' && (detail.offlineMode || offline !== undefined) && isTechnicalRejection(detail.error?.code ?? '');

  const download = async (kind: DownloadKind) => {
    setBusyDownload(kind);
    setFailure(null);
    try {
      if (kind === 'pdf') {
        const { fileName, pdfBase64 } = await unwrap(api.outbox.pdf({ id }));
        saveDownload(fileName, base64ToBytes(pdfBase64), 'application/pdf');
      } else {
        const { fileName, xml } = await unwrap(kind === 'upo' ? api.outbox.upoXml({ id }) : api.outbox.invoiceXml({ id }));
        saveDownload(fileName, xml, 'application/xml');
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyDownload(null);
    }
  };

  /** The rejected invoice becomes a draft of its fix in the issuing form (`#/issue?draft=ID`), same number. */
  const openInForm = async () => {
    setFailure(null);
    try {
      const draft = await unwrap(api.issue.fixRejected({ outboxId: id }));
      window.location.hash = `/issue?draft=${encodeURIComponent(draft.id)}`;
    } catch (error) {
      setFailure(error);
    }
  };

  const openEditor = async (mode: 'resend' | 'technical') => {
    setFailure(null);
    try {
      const { xml } = await unwrap(api.outbox.invoiceXml({ id }));
      setEditing({ mode, xml });
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <SentDetail
        item={detail}
        offline={offline}
        deadline={deadlineView(detail.state, offline, warsawDate(new Date()))}
        view={
          <>
            {failure ? <ErrorAlert error={failure} /> : null}
            {view.data ? <InvoiceView data={view.data} /> : null}
            {view.isError ? <ErrorAlert error={view.error} /> : null}
          </>
        }
        canCorrectTechnically={technical}
        busyDownload={busyDownload}
        onDownload={(kind) => void download(kind)}
        onResend={() => void openEditor('resend')}
        onOpenInForm={() => void openInForm()}
        onTechnicalCorrection={() => void openEditor('technical')}
        onClose={onClose}
      />
      {editing ? (
        <XmlEditDialog
          mode={editing.mode}
          initialXml={editing.xml}
          {...(editing.mode === 'technical' ? { onCheck: (xml: string) => unwrap(api.offline.correctionPreview({ id, xml })) } : {})}
          onSend={(xml, acceptDifferences) =>
            editing.mode === 'technical' ? unwrap(api.offline.correct({ id, xml, acceptDifferences })) : resend.mutateAsync({ id, xml })
          }
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

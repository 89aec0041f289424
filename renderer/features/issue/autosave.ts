import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IssueFormValues } from '../../../shared/ipc/channels/issue';
import { useKsefApi } from '../../api/api-context';

/** Typing pauses this long before the draft is written in main. */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * Saves the form as a draft in main while the user types (debounced, one save at a time, in order), and at
 * once on `saveNow` (Ctrl+S, "Zapisz szkic"). The first save creates the draft; later ones replace it.
 */
export function useDraftAutosave(nip: string, form: UseFormReturn<IssueFormValues>, initialDraftId: string | null, onCreated?: (id: string) => void) {
  const api = useKsefApi();
  const draftId = useRef<string | null>(initialDraftId);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const stopped = useRef(false);
  const [status, setStatus] = useState<SaveStatus>(initialDraftId ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const saveNow = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    queue.current = queue.current.then(async () => {
      if (stopped.current) return;
      setStatus('saving');
      const id = draftId.current;
      const result = await api.issue.draftSave({ companyNip: nip, form: form.getValues(), ...(id ? { id } : {}) });
      if (result.ok) {
        if (!id) onCreated?.(result.value.id);
        draftId.current = result.value.id;
        setSavedAt(new Date());
        setStatus('saved');
      } else {
        setStatus('failed');
      }
    });
    return queue.current;
  }, [api, form, nip, onCreated]);

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name === undefined || stopped.current) return; // a reset (opening a draft) is not an edit
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, saveNow]);

  useEffect(
    () => () => {
      // Leaving the form with an edit still waiting: write it now rather than lose it.
      if (timer.current) void saveNow();
    },
    [saveNow],
  );

  /** After issuing: the draft is gone in main; nothing may re-create it. */
  const stop = useCallback(() => {
    stopped.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  return { status, savedAt, saveNow, stop, draftId: () => draftId.current, whenSaved: () => queue.current };
}

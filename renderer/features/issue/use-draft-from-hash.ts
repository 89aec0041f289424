import { useEffect, useRef } from 'react';
import type { Draft } from '../../../shared/ipc/channels/issue';
import { hashParameter } from '../../app/hash-route';
import { unwrap, useKsefApi } from '../../api/api-context';

/**
 * Opens the draft another page asked for with `#/issue?draft=ID` (e.g. the Sent page's "fix in the form"),
 * now and whenever the hash changes, then drops the parameter so "Nowa faktura" and a reload stay clean.
 */
export function useDraftFromHash(onOpen: (draft: Draft) => void, onError: (error: unknown) => void): void {
  const api = useKsefApi();
  const handlers = useRef({ onOpen, onError });
  handlers.current = { onOpen, onError };
  useEffect(() => {
    let alive = true;
    const openRequested = () => {
      const id = hashParameter(window.location.hash, 'draft');
      if (!id) return;
      window.history.replaceState(null, '', '#/issue');
      unwrap(api.issue.draftGet({ id })).then(
        (draft) => alive && handlers.current.onOpen(draft),
        (error: unknown) => alive && handlers.current.onError(error),
      );
    };
    openRequested();
    window.addEventListener('hashchange', openRequested);
    return () => {
      alive = false;
      window.removeEventListener('hashchange', openRequested);
    };
  }, [api]);
}

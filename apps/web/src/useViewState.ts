import { useCallback, useEffect, useRef, useState } from 'react';
import type { ViewState } from './view-state.ts';
import { viewFromSearchParams, viewToSearchParams } from './url-state.ts';

const readAddress = () => viewFromSearchParams(new URLSearchParams(window.location.search));

/**
 * The view state, kept in the URL: every change updates the address (so a reload or a shared link
 * shows the same picture), and going back or forward restores the view of that address.
 */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const [view, setView] = useState(readAddress);
  const isStep = useRef(false);

  useEffect(() => {
    const restore = () => setView(readAddress());
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);

  useEffect(() => {
    const search = viewToSearchParams(view).toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      if (isStep.current) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    isStep.current = false;
  }, [view]);

  const update = useCallback((change: Partial<ViewState>) => {
    // A new selection or query is a step the back button should undo; filter edits are not.
    if ('selected' in change || 'query' in change) isStep.current = true;
    setView((current) => ({ ...current, ...change }));
  }, []);

  return [view, update];
}

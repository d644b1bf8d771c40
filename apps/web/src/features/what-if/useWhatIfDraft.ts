import { useCallback, useReducer } from 'react';
import type { WhatIfRequest, WhatIfResult } from '@netmap/model';
import { useModelRevision, useWhatIfPreview } from '../../api/index.ts';
import { appendDocument, draftRequest, isSameRequest } from './draft-text.ts';

interface DraftState {
  yaml: string;
  /** `namespace/name` of the policies marked for deletion, in the order marked. */
  deletions: string[];
  /** What was last sent for a preview, and the model revision it was compared with. */
  previewed: { request: WhatIfRequest; revision: string | null } | null;
}

type DraftAction =
  | { type: 'set-yaml'; yaml: string }
  | { type: 'add-document'; document: string }
  | { type: 'toggle-deletion'; policy: string }
  | { type: 'previewed'; request: WhatIfRequest; revision: string | null }
  | { type: 'clear' };

const EMPTY: DraftState = { yaml: '', deletions: [], previewed: null };

function reduceDraft(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'set-yaml':
      return { ...state, yaml: action.yaml };
    case 'add-document':
      return { ...state, yaml: appendDocument(state.yaml, action.document) };
    case 'toggle-deletion':
      return {
        ...state,
        deletions: state.deletions.includes(action.policy)
          ? state.deletions.filter((policy) => policy !== action.policy)
          : [...state.deletions, action.policy],
      };
    case 'previewed':
      return { ...state, previewed: { request: action.request, revision: action.revision } };
    case 'clear':
      return EMPTY;
  }
}

/** A what-if draft, what its last preview answered, and whether that answer is still current. */
export interface WhatIfDraft {
  yaml: string;
  deletions: readonly string[];
  setYaml: (yaml: string) => void;
  addDocument: (document: string) => void;
  toggleDeletion: (policy: string) => void;
  /** Asks the server what the draft would change (never applied to the cluster). */
  preview: () => void;
  /** Empties the draft and drops its preview (and so the overlay on the graph). */
  clear: () => void;
  isEmpty: boolean;
  isPending: boolean;
  /** The last preview's answer; none after a failed one. */
  result: WhatIfResult | undefined;
  /** The server's message when the last preview failed. */
  error: string | undefined;
  /** The draft was edited after its preview. */
  isDraftChanged: boolean;
  /** The live model moved on after the preview (a preview is asked for, never re-run by itself). */
  isModelChanged: boolean;
}

/** The page's what-if draft: kept while its panel is closed and while the live model changes. */
export function useWhatIfDraft(): WhatIfDraft {
  const [state, dispatch] = useReducer(reduceDraft, EMPTY);
  const mutation = useWhatIfPreview();
  const revision = useModelRevision();
  const request = draftRequest(state.yaml, state.deletions);
  const { mutate, reset } = mutation;

  const preview = useCallback(() => {
    dispatch({ type: 'previewed', request, revision });
    mutate(request);
  }, [request, revision, mutate]);
  const clear = useCallback(() => {
    dispatch({ type: 'clear' });
    reset();
  }, [reset]);

  return {
    yaml: state.yaml,
    deletions: state.deletions,
    setYaml: useCallback((yaml: string) => dispatch({ type: 'set-yaml', yaml }), []),
    addDocument: useCallback((document: string) => dispatch({ type: 'add-document', document }), []),
    toggleDeletion: useCallback((policy: string) => dispatch({ type: 'toggle-deletion', policy }), []),
    preview,
    clear,
    isEmpty: request.yaml === undefined && request.delete === undefined,
    isPending: mutation.isPending,
    result: mutation.data,
    error: mutation.error?.message,
    isDraftChanged: state.previewed !== null && !isSameRequest(state.previewed.request, request),
    isModelChanged: state.previewed !== null && state.previewed.revision !== revision,
  };
}

import { useCheck } from '../../api/index.ts';
import type { QueryInput } from '../../view-state.ts';
import { CheckResultView } from './CheckResultView.tsx';
import type { ShowPolicy } from './DirectionTrace.tsx';
import { QueryForm } from './QueryForm.tsx';

/** "What can talk to what": the form, then the verdict and why. */
export function QueryPanel(props: {
  query: QueryInput | null;
  suggestions: readonly string[];
  onQuery: (query: QueryInput) => void;
  onShowPolicy: ShowPolicy;
}) {
  const answer = useCheck(props.query);
  return (
    <section className="panel query-panel" aria-label="Query">
      <h2>Can it connect?</h2>
      <QueryForm
        key={props.query ? JSON.stringify(props.query) : 'empty'}
        initial={props.query}
        suggestions={props.suggestions}
        onCheck={props.onQuery}
      />
      {props.query && answer.isPending && <p className="muted">Checking…</p>}
      {props.query && answer.error && isQuestionError(answer.error.status) && (
        <p role="alert" className="field-error">
          {answer.error.message}
        </p>
      )}
      {props.query && answer.error && !isQuestionError(answer.error.status) && (
        <p role="status" className="verdict verdict-unknown">
          Unknown: the server could not answer ({answer.error.message}).
        </p>
      )}
      {props.query && answer.data && (
        <CheckResultView result={answer.data} query={props.query} onShowPolicy={props.onShowPolicy} />
      )}
    </section>
  );
}

/** The question itself is wrong (not the server): say what, with no verdict. */
function isQuestionError(status: number): boolean {
  return status >= 400 && status < 500;
}

import { usePolicy } from '../../api/index.ts';
import { PolicyYamlView } from './PolicyYamlView.tsx';

/** Which policy to show, and which of its rules to highlight. */
export interface PolicyFocus {
  policy: string;
  direction?: 'ingress' | 'egress';
  rule?: number;
}

/** A NetworkPolicy's YAML, the rule an explanation names highlighted. */
export function PolicyViewer(props: {
  focus: PolicyFocus;
  onClose: () => void;
  /** Starts a what-if edit from the policy's YAML. */
  onEdit?: (yaml: string) => void;
}) {
  const { focus } = props;
  const answer = usePolicy(focus.policy);
  const ranges = focus.direction && answer.data ? answer.data.rules[focus.direction] : undefined;
  const highlight = focus.rule === undefined ? undefined : ranges?.[focus.rule];
  return (
    <section className="panel policy-viewer" aria-label={`NetworkPolicy ${focus.policy}`}>
      <div className="panel-title">
        <h2>NetworkPolicy {focus.policy}</h2>
        <button type="button" onClick={props.onClose} aria-label="Close the policy">
          ×
        </button>
      </div>
      {focus.direction && focus.rule !== undefined && (
        <p className="muted">
          Highlighted: {focus.direction}[{focus.rule}]
        </p>
      )}
      {answer.error && <p className="field-error">{answer.error.message}</p>}
      {answer.data && props.onEdit && (
        <div className="actions">
          <button type="button" onClick={() => props.onEdit?.(answer.data.yaml)}>
            Edit in a what-if draft
          </button>
        </div>
      )}
      {answer.data && <PolicyYamlView yaml={answer.data.yaml} highlight={highlight} />}
    </section>
  );
}

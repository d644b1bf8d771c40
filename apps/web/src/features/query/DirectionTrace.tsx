import type { DirectionExplanation, PolicyExplanation } from '@netmap/model';

/** Opens a policy's YAML with one of its rules highlighted. */
export type ShowPolicy = (policy: string, direction: 'ingress' | 'egress', rule?: number) => void;

const RESULT_TEXT = {
  match: 'allows it',
  'no-match': 'does not allow it',
  unknown: 'might allow it',
} as const;

/** One side of a connection: is the pod isolated, which policies select it, which rule decided. */
export function DirectionTrace(props: {
  side: DirectionExplanation;
  subject: string;
  onShowPolicy: ShowPolicy;
}) {
  const { side } = props;
  const title = side.direction === 'egress' ? `Egress from ${props.subject}` : `Ingress to ${props.subject}`;
  const policies = side.tiers.flatMap((tier) => tier.policies);
  return (
    <section className={`trace-side verdict-${side.verdict}`}>
      <h4>
        <span className={`badge badge-${side.verdict}`}>{side.verdict}</span> {title}
      </h4>
      <p>{side.reason}</p>
      {!side.exemption && !side.isolated && (
        <p className="muted">No NetworkPolicy selects it for {side.direction}: it is not isolated.</p>
      )}
      {policies.length > 0 && (
        <ul className="trace-policies">
          {policies.map((policy) => (
            <PolicyTrace key={policy.policy} policy={policy} direction={side.direction} {...props} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PolicyTrace(props: {
  policy: PolicyExplanation;
  direction: 'ingress' | 'egress';
  onShowPolicy: ShowPolicy;
}) {
  const { policy, direction } = props;
  const deciding = policy.rules.find((rule) => rule.result === policy.result);
  return (
    <li className={`result-${policy.result}`}>
      <button
        type="button"
        className="link"
        onClick={() => props.onShowPolicy(policy.policy, direction, deciding?.rule)}
      >
        NetworkPolicy {policy.policy}
      </button>{' '}
      {RESULT_TEXT[policy.result]}
      {policy.rules.length === 0 ? (
        <span className="muted"> (it has no {direction} rules)</span>
      ) : (
        <ul>
          {policy.rules.map((rule) => (
            <li key={rule.rule} className={`result-${rule.result}`}>
              <button
                type="button"
                className="link"
                onClick={() => props.onShowPolicy(policy.policy, direction, rule.rule)}
              >
                {direction}[{rule.rule}]
              </button>
              : {rule.reason}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

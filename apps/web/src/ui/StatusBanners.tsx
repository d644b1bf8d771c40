import type { SourceStatus } from '../api/index.ts';

/** Loud warnings that change how every answer on the page must be read. */
export function StatusBanners(props: { status: SourceStatus | undefined }) {
  const { status } = props;
  if (!status) return null;
  const problems = Object.entries(status.problems);
  return (
    <>
      {status.cni.enforcesNetworkPolicy === false && (
        <div className="banner banner-danger" role="alert">
          <strong>NetworkPolicies are not enforced.</strong> This cluster runs {status.cni.name} (
          {status.cni.evidence}), which ignores NetworkPolicy: every policy shown here is inert, and all pods
          can reach each other.
        </div>
      )}
      {problems.length > 0 && (
        <div className="banner banner-warning" role="alert">
          <strong>Some resources could not be read</strong>: answers that depend on them are <em>Unknown</em>{' '}
          (for example, connections to or from pods whose namespace&apos;s policies are hidden), and objects
          that could not be listed are missing from the map.
          <ul>
            {problems.map(([resource, message]) => (
              <li key={resource}>
                <code>{resource}</code>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

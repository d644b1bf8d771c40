import { useState } from 'react';
import type { Finding, FlowChange } from '@netmap/model';
import { flowChangeText, type FindingChanges } from './diff-text.ts';

const MAX_SHOWN = 100;

/** Long lists show their first entries until asked for all. */
function useShown<T>(items: readonly T[]): [readonly T[], (() => void) | undefined] {
  const [isAll, setAll] = useState(false);
  if (isAll || items.length <= MAX_SHOWN) return [items, undefined];
  return [items.slice(0, MAX_SHOWN), () => setAll(true)];
}

/** Flows a draft would add or remove: `from → to: ports`. Empty lists are not drawn. */
export function FlowChangeList(props: { title: string; changes: readonly FlowChange[]; className: string }) {
  const [shown, showAll] = useShown(props.changes);
  if (props.changes.length === 0) return null;
  return (
    <section className={`change-list ${props.className}`}>
      <h3>
        {props.title} ({props.changes.length})
      </h3>
      <ul aria-label={props.title}>
        {shown.map((change) => (
          <li key={`${change.from}>${change.to}`} data-from={change.from} data-to={change.to}>
            {flowChangeText(change)}
          </li>
        ))}
      </ul>
      {showAll && (
        <button type="button" className="link" onClick={showAll}>
          Show all {props.changes.length}
        </button>
      )}
    </section>
  );
}

/** Findings a draft would make appear or go. Empty lists are not drawn. */
export function FindingChangeList(props: { title: string; findings: readonly Finding[] }) {
  const [shown, showAll] = useShown(props.findings);
  if (props.findings.length === 0) return null;
  return (
    <section className="change-list">
      <h3>
        {props.title} ({props.findings.length})
      </h3>
      <ul aria-label={props.title} className="findings">
        {shown.map((finding) => (
          <li key={finding.id} className={`severity-${finding.severity}`}>
            <span className="badge badge-severity">{finding.severity}</span> {finding.message}
          </li>
        ))}
      </ul>
      {showAll && (
        <button type="button" className="link" onClick={showAll}>
          Show all {props.findings.length}
        </button>
      )}
    </section>
  );
}

/** Findings that stay with another severity or message: `high → low`, and the new message. */
export function ChangedFindingList(props: { changes: FindingChanges['changed'] }) {
  if (props.changes.length === 0) return null;
  const title = 'Findings that would change';
  return (
    <section className="change-list">
      <h3>
        {title} ({props.changes.length})
      </h3>
      <ul aria-label={title} className="findings">
        {props.changes.map(({ before, after }) => (
          <li key={after.id} className={`severity-${after.severity}`}>
            {before.severity !== after.severity && (
              <>
                <span className="badge badge-severity severity-was">{before.severity}</span> →{' '}
              </>
            )}
            <span className="badge badge-severity">{after.severity}</span> {after.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import type { Finding, FlowChange } from '@netmap/model';
import { flowChangeText, type FindingChanges } from './diff-text.ts';

const MAX_SHOWN = 100;

/**
 * A titled list of changes, its first entries until asked for all; nothing when it is empty.
 * `item` draws one entry as a list item.
 */
function ChangeSection<T>(props: {
  title: string;
  items: readonly T[];
  item: (entry: T) => ReactNode;
  className?: string;
  listClassName?: string;
}) {
  const [isAll, setAll] = useState(false);
  if (props.items.length === 0) return null;
  const isCut = !isAll && props.items.length > MAX_SHOWN;
  const shown = isCut ? props.items.slice(0, MAX_SHOWN) : props.items;
  return (
    <section className={props.className ? `change-list ${props.className}` : 'change-list'}>
      <h3>
        {props.title} ({props.items.length})
      </h3>
      <ul aria-label={props.title} className={props.listClassName}>
        {shown.map(props.item)}
      </ul>
      {isCut && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {props.items.length}
        </button>
      )}
    </section>
  );
}

/** Flows a draft would add or remove: `from → to: ports`. Empty lists are not drawn. */
export function FlowChangeList(props: { title: string; changes: readonly FlowChange[]; className: string }) {
  return (
    <ChangeSection
      title={props.title}
      items={props.changes}
      className={props.className}
      item={(change) => (
        <li key={`${change.from}>${change.to}`} data-from={change.from} data-to={change.to}>
          {flowChangeText(change)}
        </li>
      )}
    />
  );
}

/** Findings a draft would make appear or go. Empty lists are not drawn. */
export function FindingChangeList(props: { title: string; findings: readonly Finding[] }) {
  return (
    <ChangeSection
      title={props.title}
      items={props.findings}
      listClassName="findings"
      item={(finding) => (
        <li key={finding.id} className={`severity-${finding.severity}`}>
          <span className="badge badge-severity">{finding.severity}</span> {finding.message}
        </li>
      )}
    />
  );
}

/** Findings that stay with another severity or message: `high → low`, and the new message. */
export function ChangedFindingList(props: { changes: FindingChanges['changed'] }) {
  return (
    <ChangeSection
      title="Findings that would change"
      items={props.changes}
      listClassName="findings"
      item={({ before, after }) => (
        <li key={after.id} className={`severity-${after.severity}`}>
          {before.severity !== after.severity && (
            <>
              <span className="badge badge-severity severity-was">{before.severity}</span> →{' '}
            </>
          )}
          <span className="badge badge-severity">{after.severity}</span> {after.message}
        </li>
      )}
    />
  );
}

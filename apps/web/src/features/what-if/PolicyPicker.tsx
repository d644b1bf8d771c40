import { useMemo, useState } from 'react';
import type { PolicyDocument } from '@netmap/model';
import { fetchJson, usePolicies } from '../../api/index.ts';
import { Field } from '../../ui/Field.tsx';
import { editableYaml } from './draft-text.ts';

const MAX_SHOWN = 40;

/**
 * The cluster's NetworkPolicies, to start an edit from (its YAML goes into the draft) or to mark
 * for deletion in the draft; a filter narrows long lists.
 */
export function PolicyPicker(props: {
  deletions: readonly string[];
  onToggleDeletion: (policy: string) => void;
  onEdit: (yaml: string) => void;
}) {
  const answer = usePolicies();
  const [filter, setFilter] = useState('');
  const [loadError, setLoadError] = useState<string>();
  const matching = useMemo(() => {
    const wanted = filter.trim().toLowerCase();
    return (answer.data?.policies ?? [])
      .map((policy) => ({ ref: `${policy.namespace}/${policy.name}`, podCount: policy.podCount }))
      .filter((policy) => policy.ref.toLowerCase().includes(wanted));
  }, [answer.data, filter]);

  const edit = async (policy: string) => {
    setLoadError(undefined);
    try {
      const path = `/api/v1/policies/${policy.split('/', 2).map(encodeURIComponent).join('/')}`;
      props.onEdit(editableYaml((await fetchJson<PolicyDocument>(path)).yaml));
    } catch (error) {
      setLoadError(
        `${policy} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return (
    <div className="policy-picker">
      <Field label="Existing policies">
        {(id) => (
          <input
            id={id}
            type="search"
            placeholder="Filter by namespace/name"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        )}
      </Field>
      {answer.error && <p className="field-error">{answer.error.message}</p>}
      {loadError && <p className="field-error">{loadError}</p>}
      {answer.data && matching.length === 0 && <p className="muted">No NetworkPolicy matches.</p>}
      <ul className="policy-rows" aria-label="NetworkPolicies">
        {matching.slice(0, MAX_SHOWN).map((policy) => {
          const isMarked = props.deletions.includes(policy.ref);
          return (
            <li key={policy.ref} className={isMarked ? 'marked' : undefined}>
              <span className="policy-name">
                {policy.ref}{' '}
                <span className="muted">
                  ({policy.podCount} {policy.podCount === 1 ? 'pod' : 'pods'})
                </span>
              </span>
              <button type="button" aria-label={`Edit ${policy.ref}`} onClick={() => void edit(policy.ref)}>
                Edit
              </button>
              <button
                type="button"
                aria-label={`Delete ${policy.ref}`}
                aria-pressed={isMarked}
                onClick={() => props.onToggleDeletion(policy.ref)}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      {matching.length > MAX_SHOWN && (
        <p className="muted">{matching.length - MAX_SHOWN} more: narrow the filter.</p>
      )}
    </div>
  );
}

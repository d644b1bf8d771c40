import { Field } from '../../ui/Field.tsx';
import {
  SHOWN_KINDS,
  type FlowFocus,
  type Grouping,
  type ShownKind,
  type ViewState,
} from '../../view-state.ts';

const KIND_NAMES: Record<ShownKind, string> = {
  workload: 'Workloads',
  service: 'Services',
  ingress: 'Ingresses',
  external: 'Outside the cluster',
};

/** Grouping, namespaces, kinds, labels and flow focus: what the graph shows. */
export function FilterBar(props: {
  view: ViewState;
  onChange: (change: Partial<ViewState>) => void;
  namespaces: readonly string[];
  labelError?: string;
}) {
  const { view, onChange } = props;
  const toggleKind = (kind: ShownKind, isOn: boolean) =>
    onChange({ kinds: SHOWN_KINDS.filter((each) => (each === kind ? isOn : view.kinds.includes(each))) });
  return (
    <fieldset className="filters">
      <legend>View</legend>
      <Field label="Group by">
        {(id) => (
          <select
            id={id}
            value={view.grouping}
            onChange={(event) => onChange({ grouping: event.target.value as Grouping })}
          >
            <option value="namespace">Namespace</option>
            <option value="node">Node</option>
            <option value="flat">Nothing (flat)</option>
          </select>
        )}
      </Field>
      <Field label="Namespaces">
        {(id) => (
          <select
            id={id}
            multiple
            value={view.namespaces}
            size={Math.min(6, Math.max(2, props.namespaces.length))}
            onChange={(event) =>
              onChange({ namespaces: [...event.target.selectedOptions].map((option) => option.value) })
            }
          >
            {props.namespaces.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {view.namespaces.length > 0 && (
        <button type="button" className="link" onClick={() => onChange({ namespaces: [] })}>
          Show all namespaces
        </button>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={view.hideSystem}
          onChange={(event) => onChange({ hideSystem: event.target.checked })}
        />
        Hide system namespaces
      </label>
      <div className="kinds" role="group" aria-label="Kinds">
        {SHOWN_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={view.kinds.includes(kind)}
              onChange={(event) => toggleKind(kind, event.target.checked)}
            />
            {KIND_NAMES[kind]}
          </label>
        ))}
      </div>
      <Field label="Labels">
        {(id) => (
          <input
            id={id}
            value={view.labels}
            onChange={(event) => onChange({ labels: event.target.value })}
            placeholder="app=web,tier in (front,back)"
            spellCheck={false}
            aria-invalid={props.labelError ? true : undefined}
          />
        )}
      </Field>
      {props.labelError && <p className="field-error">{props.labelError}</p>}
      <Field label="Flows">
        {(id) => (
          <select
            id={id}
            value={view.flowFocus}
            onChange={(event) => onChange({ flowFocus: event.target.value as FlowFocus })}
            disabled={!view.selected}
            title={view.selected ? undefined : 'Select a node first'}
          >
            <option value="all">All flows</option>
            <option value="into">Only into the selection</option>
            <option value="out-of">Only out of the selection</option>
          </select>
        )}
      </Field>
    </fieldset>
  );
}

import { useMemo, useState } from 'react';
import type { Finding, FindingCategory, Severity } from '@netmap/model';
import { Field } from '../../ui/Field.tsx';
import { FindingItem } from './FindingItem.tsx';
import './findings.css';
import {
  CATEGORY_NAMES,
  NO_FILTER,
  SEVERITIES,
  categoriesOf,
  countBySeverity,
  groupFindings,
  type FindingFilter,
} from './findings-list.ts';

/**
 * Every finding of the model, from critical to info, with the counts per severity; filters by
 * severity and category. Picking one shows its objects on the graph.
 */
export function FindingsPanel(props: {
  findings: readonly Finding[];
  activeId: string | null;
  onPick: (finding: Finding) => void;
}) {
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const counts = useMemo(() => countBySeverity(props.findings), [props.findings]);
  const categories = useMemo(() => categoriesOf(props.findings), [props.findings]);
  const groups = useMemo(() => groupFindings(props.findings, filter), [props.findings, filter]);
  const shown = groups.reduce((total, group) => total + group.findings.length, 0);
  return (
    <section className="panel findings-panel" aria-label="Findings">
      <h2>Findings ({props.findings.length})</h2>
      <ul className="severity-counts" aria-label="Findings by severity">
        {SEVERITIES.map((severity) => (
          <li key={severity} className={`severity-${severity}`}>
            <span className="badge badge-severity">{severity}</span> {counts[severity]}
          </li>
        ))}
      </ul>
      <div className="findings-filters">
        <Field label="Severity">
          {(id) => (
            <select
              id={id}
              value={filter.severity}
              onChange={(event) => setFilter({ ...filter, severity: event.target.value as Severity | 'all' })}
            >
              <option value="all">All</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {severity} ({counts[severity]})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Category">
          {(id) => (
            <select
              id={id}
              value={filter.category}
              onChange={(event) =>
                setFilter({ ...filter, category: event.target.value as FindingCategory | 'all' })
              }
            >
              <option value="all">All</option>
              {categories.map((category) => (
                <option key={category} value={category}>
                  {CATEGORY_NAMES[category]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {props.findings.length === 0 && <p className="muted">Nothing to report.</p>}
      {props.findings.length > 0 && shown === 0 && <p className="muted">No finding passes these filters.</p>}
      <div className="findings-scroll">
        {groups.map((group) => (
          <section key={group.severity} aria-label={`${group.severity} findings`}>
            <h3 className="findings-group">
              {group.severity} ({group.findings.length})
            </h3>
            <ul className="finding-list">
              {group.findings.map((finding) => (
                <FindingItem
                  key={finding.id}
                  finding={finding}
                  isActive={finding.id === props.activeId}
                  onPick={props.onPick}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

import type { Finding } from '@netmap/model';
import { CATEGORY_NAMES } from './findings-list.ts';

/** One finding: its severity and message (a button that shows it on the graph), objects and fix. */
export function FindingItem(props: {
  finding: Finding;
  isActive: boolean;
  onPick: (finding: Finding) => void;
}) {
  const { finding } = props;
  return (
    <li className={`finding severity-${finding.severity}${props.isActive ? ' active' : ''}`}>
      <button
        type="button"
        className="finding-pick"
        aria-pressed={props.isActive}
        onClick={() => props.onPick(finding)}
      >
        <span className="badge badge-severity">{finding.severity}</span> {finding.message}
      </button>
      {finding.category && <div className="kind">{CATEGORY_NAMES[finding.category]}</div>}
      {finding.objects.length > 0 && (
        <ul className="chips" aria-label="Objects">
          {finding.objects.map((object) => (
            <li key={object}>{object}</li>
          ))}
        </ul>
      )}
      {finding.fix && (
        <p className="finding-fix">
          <strong>Fix:</strong> {finding.fix}
        </p>
      )}
    </li>
  );
}

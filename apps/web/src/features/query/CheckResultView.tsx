import type { CheckResult } from '@netmap/engine';
import { describeEndpoint } from '@netmap/model';
import type { QueryInput } from '../../view-state.ts';
import { DirectionTrace, type ShowPolicy } from './DirectionTrace.tsx';
import { verdictSentence } from './verdict-text.ts';

/** Connections shown in full; a Service with many backends lists the rest by count. */
const SHOWN_CONNECTIONS = 4;

/** The verdict in plain words, the route it takes, and each side's explanation trace. */
export function CheckResultView(props: { result: CheckResult; query: QueryInput; onShowPolicy: ShowPolicy }) {
  const { result } = props;
  const shown = result.connections.slice(0, SHOWN_CONNECTIONS);
  return (
    <div className="check-result">
      <p role="status" className={`verdict verdict-${result.verdict}`}>
        {verdictSentence(result, props.query)}
      </p>
      {result.route.length > 1 && (
        <ol className="route" aria-label="Route">
          {result.route.map((hop, index) => (
            <li key={`${index}:${hop}`}>{hop}</li>
          ))}
        </ol>
      )}
      {shown.map((connection, index) => (
        <details key={index} className="trace-connection" open={index === 0}>
          <summary>
            <span className={`badge badge-${connection.verdict}`}>{connection.verdict}</span>{' '}
            {describeEndpoint(connection.from)} → {describeEndpoint(connection.to)} on {connection.protocol}{' '}
            {connection.port}
          </summary>
          <DirectionTrace
            side={connection.egress}
            subject={describeEndpoint(connection.from)}
            onShowPolicy={props.onShowPolicy}
          />
          <DirectionTrace
            side={connection.ingress}
            subject={describeEndpoint(connection.to)}
            onShowPolicy={props.onShowPolicy}
          />
          {connection.notes.length > 0 && (
            <ul className="notes">
              {connection.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </details>
      ))}
      {result.connections.length > shown.length && (
        <p className="muted">
          … and {result.connections.length - shown.length} more backends with the same question.
        </p>
      )}
    </div>
  );
}

import type { CheckResult } from '@netmap/engine';
import type { QueryInput } from '../../view-state.ts';

const WORD = { allowed: 'Allowed', denied: 'Denied', unknown: 'Unknown' } as const;

/**
 * The verdict as one plain sentence. It starts with "Allowed", "Denied" or "Unknown": tools that
 * drive the app read that word from the status element.
 */
export function verdictSentence(result: CheckResult, query: QueryInput): string {
  const what = `${query.from} → ${query.to} on ${query.protocol} ${query.port}`;
  if (result.reason) return `${WORD[result.verdict]}: ${what}. ${result.reason}`;
  if (result.verdict === 'allowed') return `Allowed: ${what}.`;
  const sides = result.connections.flatMap((connection) =>
    [connection.egress, connection.ingress].filter((side) => side.verdict === result.verdict),
  );
  const first = sides[0];
  return first ? `${WORD[result.verdict]}: ${what}. ${first.reason}` : `${WORD[result.verdict]}: ${what}.`;
}

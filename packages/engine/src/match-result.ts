import type { MatchResult, Verdict } from '@netmap/model';

/** Three-valued AND: a definite "no" wins over "unknown". */
export function andMatch(a: MatchResult, b: MatchResult): MatchResult {
  if (a === 'no-match' || b === 'no-match') return 'no-match';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'match';
}

/** Three-valued OR: a definite "yes" wins over "unknown". */
export function orMatch(a: MatchResult, b: MatchResult): MatchResult {
  if (a === 'match' || b === 'match') return 'match';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'no-match';
}

/** A connection needs both sides: egress of the source AND ingress of the destination. */
export function andVerdict(a: Verdict, b: Verdict): Verdict {
  if (a === 'denied' || b === 'denied') return 'denied';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'allowed';
}

/** The verdict of a side whose rules produced `result`. */
export function verdictOf(result: MatchResult): Verdict {
  if (result === 'match') return 'allowed';
  return result === 'unknown' ? 'unknown' : 'denied';
}

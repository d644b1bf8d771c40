import type { Finding, Severity } from '@netmap/model';
import { compareText } from './compare-text.ts';

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Findings that appear and findings that go, by id, each sorted by severity (most severe first) then id. */
export function compareFindings(
  base: readonly Finding[],
  head: readonly Finding[],
): { added: Finding[]; removed: Finding[] } {
  // A finding that keeps its id but changes severity or message says something else now: it goes and comes.
  const keyOf = (finding: Finding) => `${finding.id}\u0000${finding.severity}\u0000${finding.message}`;
  const before = new Set(base.map(keyOf));
  const after = new Set(head.map(keyOf));
  return {
    added: head.filter((finding) => !before.has(keyOf(finding))).sort(bySeverity),
    removed: base.filter((finding) => !after.has(keyOf(finding))).sort(bySeverity),
  };
}

/** Whether severity `a` is more severe than `b`. */
export function isMoreSevere(a: Severity, b: Severity): boolean {
  return SEVERITY_ORDER.indexOf(a) < SEVERITY_ORDER.indexOf(b);
}

/** Most severe first, then by id. */
function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareText(a.id, b.id);
}

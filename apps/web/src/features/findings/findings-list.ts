import type { Finding, FindingCategory, Severity } from '@netmap/model';
import { compareText } from '../map/compare-text.ts';

/** Severities from the most to the least urgent: the order of the list. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** What each category of finding is called in the list and its filter. */
export const CATEGORY_NAMES: Readonly<Record<FindingCategory, string>> = {
  exposure: 'Exposed outside the cluster',
  unprotected: 'Unprotected',
  'dead-policy': 'Policies that do nothing',
  wiring: 'Services and Ingresses wiring',
  enforcement: 'Policy enforcement',
  availability: 'Availability',
  invalid: 'Objects that could not be read',
};

/** Which findings the list shows: one severity and one category, or all. */
export interface FindingFilter {
  severity: Severity | 'all';
  category: FindingCategory | 'all';
}

export const NO_FILTER: FindingFilter = { severity: 'all', category: 'all' };

/** One severity's findings, in a stable order. */
export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

/** How many findings there are of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The categories the findings have, in the order of {@link CATEGORY_NAMES}. */
export function categoriesOf(findings: readonly Finding[]): FindingCategory[] {
  const present = new Set(findings.map((finding) => finding.category));
  return (Object.keys(CATEGORY_NAMES) as FindingCategory[]).filter((category) => present.has(category));
}

/**
 * The findings that pass the filter, grouped by severity from critical to info (empty groups left
 * out); within a group by category, then message, so the list does not reorder on every patch.
 */
export function groupFindings(findings: readonly Finding[], filter: FindingFilter): SeverityGroup[] {
  const kept = findings.filter(
    (finding) =>
      (filter.severity === 'all' || finding.severity === filter.severity) &&
      (filter.category === 'all' || finding.category === filter.category),
  );
  const categoryRank = (finding: Finding) =>
    finding.category ? Object.keys(CATEGORY_NAMES).indexOf(finding.category) : Infinity;
  const byOrder = (a: Finding, b: Finding) =>
    categoryRank(a) - categoryRank(b) || compareText(a.message, b.message) || compareText(a.id, b.id);
  return SEVERITIES.map((severity) => ({
    severity,
    findings: kept.filter((finding) => finding.severity === severity).sort(byOrder),
  })).filter((group) => group.findings.length > 0);
}

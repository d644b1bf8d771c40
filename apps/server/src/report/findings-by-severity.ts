import type { Finding } from '@netmap/model';
import { SEVERITIES, type ReportData } from './report-data.ts';

/** Highest severity first, then by id. */
export function compareFindings(a: Finding, b: Finding): number {
  const rank = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  return rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The findings in groups of one severity, highest first; empty groups are left out. */
export function groupFindings(findings: readonly Finding[]): ReportData['findings'] {
  return SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity).sort(compareFindings),
  })).filter((group) => group.findings.length > 0);
}

import type { Finding, Severity, TopologyNode } from '@netmap/model';
import { compareText } from '@netmap/engine';
import { SEVERITIES, type ReportSummary } from './report-data.ts';

/** What the summary counts beyond the topology's nodes. */
export interface SummaryFacts {
  flows: number;
  unknownFlows: number;
  networkPolicies: number;
  invalidPolicies: number;
}

/** The key figures: objects by kind, flows, findings by severity, and what no policy isolates. */
export function buildSummary(
  nodes: readonly TopologyNode[],
  findings: readonly Finding[],
  facts: SummaryFacts,
): ReportSummary {
  const count = (kind: string) => nodes.filter((node) => node.kind === kind).length;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) bySeverity[finding.severity]++;
  return {
    namespaces: count('namespace'),
    workloads: count('workload'),
    pods: count('pod'),
    services: count('service'),
    ingresses: count('ingress'),
    ...facts,
    findings: bySeverity,
    // The findings' own verdicts, so that the summary and the findings never disagree.
    withoutDefaultDeny: {
      ingress: subjectsOf(findings, 'no-default-deny:ingress:'),
      egress: subjectsOf(findings, 'no-default-deny:egress:'),
    },
    unprotectedWorkloads: {
      ingress: subjectsOf(findings, 'unprotected:ingress:'),
      egress: subjectsOf(findings, 'unprotected:egress:'),
    },
  };
}

/** What the findings whose id starts with `prefix` are about: the rest of their id, sorted. */
function subjectsOf(findings: readonly Finding[], prefix: string): string[] {
  return findings
    .filter((f) => f.id.startsWith(prefix))
    .map((f) => f.id.slice(prefix.length))
    .sort(compareText);
}

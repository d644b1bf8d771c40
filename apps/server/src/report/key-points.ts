import type { Cni } from '@netmap/model';
import type { ReportData } from './report-data.ts';
import { count, listNames } from './report-text.ts';

/** A piece of a key point: plain text, a warning to stand out, or names to set in monospace. */
export type Segment = string | { warn: string } | { names: string };

/** The points a reviewer reads first, in plain words; each renderer sets the segments its own way. */
export function keyPoints(data: ReportData): Segment[][] {
  const { summary, exposure } = data;
  const entries = exposure.entryPoints;
  const serious = entries.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
  const admitted = exposure.outsideFlows.filter((f) => f.verdict === 'allowed');
  const reached = new Set(admitted.map((f) => f.to));
  const open = new Set(admitted.filter((f) => !f.isIsolated).map((f) => f.to));
  const namespaces = data.matrix.namespaces.filter((n) => (data.matrix.workloads[n] ?? 0) > 0).length;
  const { withoutDefaultDeny: defaults, unprotectedWorkloads: unprotected } = summary;
  return [
    enforcementPoint(data.cni),
    [
      `${count(entries.length, 'way')} in from outside the cluster (Services and Ingress routes)`,
      ...(serious > 0 ? [', ', { warn: `${serious} of them to pods no policy isolates` }] : []),
      `; the policies admit outside peers into ${count(reached.size, 'workload')}`,
      ...(open.size > 0 ? [', ', { warn: `${open.size} of which no policy isolates for ingress` }] : []),
      '.',
    ],
    isolationPoint('ingress', defaults.ingress, namespaces, unprotected.ingress),
    isolationPoint('egress', defaults.egress, namespaces, unprotected.egress),
    [
      `${count(summary.networkPolicies, 'NetworkPolicy')} evaluated`,
      ...(summary.invalidPolicies > 0
        ? [
            '; ',
            { warn: `${summary.invalidPolicies} more the API server would reject` },
            ' (see the inventory)',
          ]
        : []),
      `; ${count(summary.flows, 'allowed flow')} between workloads and to or from the outside`,
      summary.unknownFlows > 0
        ? `, ${summary.unknownFlows} more whose verdict depends on facts the input lacks`
        : '',
      '.',
    ],
  ];
}

function enforcementPoint(cni: Cni | undefined): Segment[] {
  if (!cni || cni.name === 'unknown')
    return [
      'Network plugin: not known from the input. Every verdict assumes that it enforces NetworkPolicy.',
    ];
  if (cni.enforcesNetworkPolicy === true)
    return [`Network plugin: ${cni.name}, which enforces NetworkPolicy (${cni.evidence}).`];
  if (cni.enforcesNetworkPolicy === false)
    return [
      { warn: `Network plugin: ${cni.name}, which does not enforce NetworkPolicy` },
      ` (${cni.evidence}): the policies in this report are not applied.`,
    ];
  return [`Network plugin: ${cni.name}, which may not enforce NetworkPolicy (${cni.evidence}).`];
}

function isolationPoint(
  direction: 'ingress' | 'egress',
  withoutDefault: readonly string[],
  namespaces: number,
  unprotected: readonly string[],
): Segment[] {
  const defaults =
    withoutDefault.length === 0
      ? `Every namespace with workloads has a default deny for ${direction}; `
      : `${withoutDefault.length} of ${count(namespaces, 'namespace')} have no default deny for ${direction} (${listNames(withoutDefault, 8)}); `;
  if (unprotected.length === 0) return [defaults, `every workload is isolated for ${direction}.`];
  return [
    defaults,
    `${count(unprotected.length, 'workload')} no policy isolates for ${direction}: `,
    { names: listNames(unprotected, 6) },
    '.',
  ];
}

import { compareText, mergeAddressRanges, type WorkloadFlow } from '@netmap/engine';
import type { Finding } from '@netmap/model';
import { describeOutsidePeer, isOutside, peerName } from './outside-peers.ts';
import type { ExposureList, OutsideFlow } from './report-data.ts';
import { compareFindings } from './findings-by-severity.ts';

/**
 * Every path in from outside the cluster: the exposure findings (a Service's node ports, load
 * balancer and externalIPs, each route of an Ingress, with the pods they end at), and the flows the
 * policies admit from outside peers into workloads, one row per workload and set of ports.
 */
export function buildExposureList(
  findings: readonly Finding[],
  flows: { flows: readonly WorkloadFlow[]; unknown: readonly WorkloadFlow[] },
  isIsolated: (workload: string) => boolean,
): ExposureList {
  const entryPoints = findings.filter((f) => f.category === 'exposure').sort(compareFindings);
  const rows = new Map<string, OutsideFlow>();
  for (const [list, verdict] of [
    [flows.flows, 'allowed'],
    [flows.unknown, 'unknown'],
  ] as const) {
    for (const flow of list) {
      if (!isOutside(flow.from) || isOutside(flow.to)) continue;
      const key = [flow.to, verdict, flow.ports === 'all' ? 'all' : flow.ports.join(',')].join('\u0000');
      const row = rows.get(key);
      if (row) row.from.push(peerName(flow.from));
      else
        rows.set(key, {
          to: flow.to,
          from: [peerName(flow.from)],
          ports: flow.ports,
          verdict,
          isIsolated: isIsolated(flow.to),
        });
    }
  }
  // Flows split the outside where ipBlocks begin and end: a reader wants the ranges they add up to.
  for (const row of rows.values()) row.from = mergeAddressRanges(row.from).map(describeOutsidePeer);
  // Workloads no policy isolates first: anything that reaches them is unchecked.
  const outsideFlows = [...rows.values()].sort(
    (a, b) =>
      Number(a.isIsolated) - Number(b.isIsolated) ||
      compareText(a.to, b.to) ||
      compareText(a.verdict, b.verdict),
  );
  return { entryPoints, outsideFlows };
}

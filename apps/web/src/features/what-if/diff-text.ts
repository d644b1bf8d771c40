import type { Finding, FlowChange, WhatIfResult } from '@netmap/model';
import { portsLabel } from '../map/port-list.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A draft's findings: new, gone, and those that stay with another severity or message. */
export interface FindingChanges {
  appeared: Finding[];
  gone: Finding[];
  changed: { before: Finding; after: Finding }[];
}

/**
 * Splits the findings a draft adds and removes: one with the same id on both sides is the same
 * problem, changed (e.g. a lower severity once a policy isolates the pods), not a new one.
 */
export function findingChanges(findings: WhatIfResult['findings']): FindingChanges {
  const removed = new Map(findings.removed.map((finding) => [finding.id, finding]));
  const added = new Set(findings.added.map((finding) => finding.id));
  return {
    appeared: findings.added.filter((finding) => !removed.has(finding.id)),
    gone: findings.removed.filter((finding) => !added.has(finding.id)),
    changed: findings.added.flatMap((after) => {
      const before = removed.get(after.id);
      return before ? [{ before, after }] : [];
    }),
  };
}

/** `+3 flows, −5 flows, 2 findings new, 1 gone, 1 changed`, or that the draft changes nothing. */
export function summaryText(result: WhatIfResult): string {
  const { flows, unknownFlows } = result;
  const findings = findingChanges(result.findings);
  const parts: string[] = [];
  if (flows.added.length > 0) parts.push(`+${plural(flows.added.length, 'flow')}`);
  if (flows.removed.length > 0) parts.push(`−${plural(flows.removed.length, 'flow')}`);
  const unknown = unknownFlows.added.length + unknownFlows.removed.length;
  if (unknown > 0) parts.push(`${plural(unknown, 'unknown flow')} changed`);
  const counts = [
    [findings.appeared.length, 'new'],
    [findings.gone.length, 'gone'],
    [findings.changed.length, 'changed'],
  ] as const;
  let isFirst = true;
  for (const [count, what] of counts) {
    if (count === 0) continue;
    parts.push(isFirst ? `${plural(count, 'finding')} ${what}` : `${count} ${what}`);
    isFirst = false;
  }
  return parts.length > 0 ? parts.join(', ') : 'No flow and no finding would change';
}

/** A flow end as people read it: `shop/cart (Deployment)`, `0.0.0.0-9.255.255.255 (outside)`. */
export function endText(end: string): string {
  const workload = /^(.+)\[(\w+)\]$/.exec(end);
  if (!workload) return end.replace(/^\{(.*)\}$/, '$1');
  return workload[2] === 'External' ? `${workload[1]} (outside)` : `${workload[1]} (${workload[2]})`;
}

/** `shop/web (Deployment) → shop/cart (Deployment): TCP 7070`. */
export function flowChangeText(change: FlowChange): string {
  return `${endText(change.from)} → ${endText(change.to)}: ${portsLabel(change.ports)}`;
}

import type { FlowChange, WhatIfResult } from '@netmap/model';
import { portsLabel } from '../map/port-list.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** `+3 flows, −5 flows, 2 findings new, 1 gone`, or that the draft changes nothing. */
export function summaryText(result: WhatIfResult): string {
  const { flows, unknownFlows, findings } = result;
  const parts: string[] = [];
  if (flows.added.length > 0) parts.push(`+${plural(flows.added.length, 'flow')}`);
  if (flows.removed.length > 0) parts.push(`−${plural(flows.removed.length, 'flow')}`);
  const unknown = unknownFlows.added.length + unknownFlows.removed.length;
  if (unknown > 0) parts.push(`${plural(unknown, 'unknown flow')} changed`);
  if (findings.added.length > 0) parts.push(`${plural(findings.added.length, 'finding')} new`);
  if (findings.removed.length > 0) parts.push(`${findings.removed.length} gone`);
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

import type { Cni, Severity } from '@netmap/model';
import type { FlowPorts } from './flow-ports.ts';
import { OUTSIDE, type MatrixCell } from './report-data.ts';

/** `Critical`, `High`, … */
export function severityLabel(severity: Severity): string {
  return severity[0]!.toUpperCase() + severity.slice(1);
}

/** A time as `2025-03-04 05:06 UTC`: the same wherever the report is made. */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A namespace, or the outside as a reader names it. */
export function axisLabel(name: string): string {
  return name === OUTSIDE ? 'Outside' : name;
}

/**
 * Ports as a reader says them: `all ports`, `TCP 80, UDP 53`, `all TCP`; past `limit` entries the
 * rest is counted (`TCP 80, TCP 443, +3 more`).
 */
export function describePorts(ports: FlowPorts, limit = Infinity): string {
  if (ports === 'all') return 'all ports';
  if (ports.length === 0) return 'none';
  const texts = ports.map((p) => p.replace(/^(\w+) 1-65535$/, 'all $1'));
  if (texts.length <= limit) return texts.join(', ');
  return `${texts.slice(0, limit).join(', ')}, +${texts.length - limit} more`;
}

/** How much of a pair connects: `all 6 pairs`, `3 of 12 pairs`, `2 of 5 workloads`. */
export function describeReach(cell: MatrixCell): string {
  const unit = cell.from === OUTSIDE || cell.to === OUTSIDE ? 'workload' : 'pair';
  const units = `${unit}${cell.pairs === 1 ? '' : 's'}`;
  if (cell.reach === 'none') return cell.pairs === 0 ? `no ${unit}s` : 'none';
  if (cell.reach === 'all') return cell.pairs === 1 ? `the only ${unit}` : `all ${cell.pairs} ${units}`;
  return `${cell.connected} of ${cell.pairs} ${units}`;
}

/** `1 pod`, `3 pods`, `2 NetworkPolicies`. */
export function count(n: number, noun: string): string {
  if (n === 1) return `${n} ${noun}`;
  return `${n} ${/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}

/** The first `limit` names, then how many more. */
export function listNames(names: readonly string[], limit: number): string {
  if (names.length <= limit) return names.join(', ');
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

/** `Calico (enforces NetworkPolicy)`, or that the input does not tell. */
export function describeCni(cni: Cni | undefined): string {
  if (!cni || cni.name === 'unknown') return 'not known from the input';
  if (cni.enforcesNetworkPolicy === true) return `${cni.name} (enforces NetworkPolicy)`;
  if (cni.enforcesNetworkPolicy === false) return `${cni.name} (does not enforce NetworkPolicy)`;
  return `${cni.name} (may not enforce NetworkPolicy)`;
}

/** Control characters HTML forbids and Markdown viewers garble (tab and line breaks aside). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text with each control character replaced by U+FFFD, so that a reader sees something was there. */
export function replaceControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '\ufffd');
}

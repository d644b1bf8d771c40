/** How flows name the ingress controller: traffic of Ingress routes, which comes from outside. */
const INGRESS_CONTROLLER = '{ingress-controller}';

const EVERY_ADDRESS: Record<string, string> = {
  '0.0.0.0-255.255.255.255': 'any IPv4 address',
  '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff': 'any IPv6 address',
};

/** Whether a flow end (`ns/name[Kind]`, `first-last[External]`, `{ingress-controller}`) is outside the cluster. */
export function isOutside(end: string): boolean {
  return end.endsWith('[External]') || end.startsWith('{');
}

/** The namespace of a workload flow end (`ns/name[Kind]`). */
export function namespaceOfEnd(end: string): string {
  return end.slice(0, end.indexOf('/'));
}

/** An outside flow end without its `[External]` suffix: `10.0.0.0-10.255.255.255`, `{ingress-controller}`. */
export function peerName(end: string): string {
  return end.replace(/\[External\]$/, '');
}

/** An outside peer as a reader says it: `10.0.0.0-10.255.255.255`, `any IPv4 address`, `ingress controller`. */
export function describeOutsidePeer(peer: string): string {
  if (peer === INGRESS_CONTROLLER) return 'ingress controller (Ingress routes)';
  return EVERY_ADDRESS[peer] ?? peer;
}

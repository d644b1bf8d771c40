import type { ExternalNode } from '@netmap/model';
import { cidrPrefixOf, parseIpRange, type IpRange } from './ip-range.ts';

/** The one node that stands for every piece of the outside that no policy names on its own. */
export const INTERNET_ID = 'internet';

/** What an external node of the model is, for drawing. */
export type OutsideRole =
  | { kind: 'internet'; range?: IpRange }
  | { kind: 'cidr'; cidr: string; range: IpRange }
  | { kind: 'ingress-controller' }
  | { kind: 'other'; label: string };

/**
 * The engine splits the outside at every ipBlock edge. A piece that is exactly one CIDR block is one a
 * policy names (or a block carved out by `except`): it gets a node of its own. The gaps between them
 * are "the rest of the Internet" and share one node.
 */
export function outsideRoleOf(node: ExternalNode): OutsideRole {
  if (node.name === '{ingress-controller}') return { kind: 'ingress-controller' };
  const range = parseIpRange(node.name);
  if (!range) return { kind: 'other', label: node.name.replace(/^\{(.*)\}$/, '$1') };
  const prefix = cidrPrefixOf(range);
  if (prefix === undefined || prefix === 0) return { kind: 'internet', range };
  return { kind: 'cidr', cidr: `${range.firstText}/${prefix}`, range };
}

/** The canvas node an external node is drawn as. */
export function outsideCanvasId(node: ExternalNode): string {
  return outsideRoleOf(node).kind === 'internet' ? INTERNET_ID : node.id;
}

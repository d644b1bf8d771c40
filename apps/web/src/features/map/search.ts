import type { Topology, TopologyNode } from '@netmap/model';
import { parseIp, rangeContains } from './ip-range.ts';
import { INTERNET_ID, outsideRoleOf } from './outside.ts';
import { compareText } from './compare-text.ts';

/** One hit of the search box: a node to select, what it is called and what matched. */
export interface SearchMatch {
  /** The node's id; `internet` for any piece of the outside that no policy names on its own. */
  id: string;
  kind: TopologyNode['kind'];
  /** `namespace/name`, or the name of a node outside namespaces. */
  name: string;
  /** The text that matched, e.g. `app=frontend`, `10.244.1.4`, `shop.example.com`. */
  matched: string;
  score: number;
}

interface Field {
  text: string;
  /** Score for an exact match; a prefix scores 80 % of it and a substring 60 %. */
  weight: number;
}

const KIND_ORDER: readonly TopologyNode['kind'][] = [
  'workload',
  'service',
  'ingress',
  'pod',
  'namespace',
  'external',
];

/** How a node is called in lists: `shop/frontend`, `Internet`, `10.0.0.0/8`. */
export function displayName(node: TopologyNode): string {
  if (node.kind === 'namespace') return node.name;
  if (node.kind !== 'external') return `${node.namespace}/${node.name}`;
  const role = outsideRoleOf(node);
  if (role.kind === 'internet') return 'Internet';
  if (role.kind === 'cidr') return role.cidr;
  return role.kind === 'ingress-controller' ? 'Ingress controller' : role.label;
}

function fieldsOf(node: TopologyNode): Field[] {
  const fields: Field[] = [
    { text: node.name, weight: 100 },
    { text: displayName(node), weight: 100 },
  ];
  if ('labels' in node)
    for (const [key, value] of Object.entries(node.labels))
      fields.push({ text: `${key}=${value}`, weight: 75 });
  if (node.kind === 'pod') for (const ip of node.ips) fields.push({ text: ip, weight: 95 });
  if (node.kind === 'workload') fields.push({ text: node.workloadKind, weight: 30 });
  if (node.kind === 'ingress') for (const route of node.routes) fields.push({ text: route.host, weight: 90 });
  if (node.kind === 'service' && node.externalName) fields.push({ text: node.externalName, weight: 90 });
  return fields;
}

function scoreToken(node: TopologyNode, fields: Field[], token: string): { score: number; matched: string } {
  let best = { score: 0, matched: '' };
  const consider = (score: number, matched: string) => {
    if (score > best.score) best = { score, matched };
  };
  for (const { text, weight } of fields) {
    const lower = text.toLowerCase();
    if (lower === token) consider(weight, text);
    else if (lower.startsWith(token)) consider(weight * 0.8, text);
    else if (lower.includes(token)) consider(weight * 0.6, text);
  }
  const ip = parseIp(token);
  if (ip && node.kind === 'external') {
    const role = outsideRoleOf(node);
    if ((role.kind === 'cidr' || role.kind === 'internet') && rangeContains(role.range!, ip))
      consider(65, `${token} in ${node.name.replace('[External]', '')}`);
  }
  return best;
}

/** How well a node matches every word of the text (0: some word matches nothing). */
export function matchNode(node: TopologyNode, text: string): { score: number; matched: string } {
  const tokens = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { score: 0, matched: '' };
  const fields = fieldsOf(node);
  const results = tokens.map((token) => scoreToken(node, fields, token));
  if (results.some((result) => result.score === 0)) return { score: 0, matched: '' };
  return { score: Math.min(...results.map((result) => result.score)), matched: results[0]!.matched };
}

/**
 * The nodes that match the text, best first: by name, `namespace/name`, labels (`app=web`), pod IPs,
 * ingress hosts, and the IP ranges outside that hold a typed address. Pieces of the outside that
 * no policy names come back once, as `internet`.
 */
export function searchNodes(model: Topology, text: string, limit = 20): SearchMatch[] {
  const matches = new Map<string, SearchMatch>();
  for (const node of Object.values(model.nodes)) {
    const { score, matched } = matchNode(node, text);
    if (score === 0) continue;
    const isInternet = node.kind === 'external' && outsideRoleOf(node).kind === 'internet';
    const id = isInternet ? INTERNET_ID : node.id;
    const existing = matches.get(id);
    if (existing && existing.score >= score) continue;
    matches.set(id, { id, kind: node.kind, name: displayName(node), matched, score });
  }
  return [...matches.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        compareText(a.name, b.name) ||
        compareText(a.id, b.id),
    )
    .slice(0, Math.max(0, limit));
}

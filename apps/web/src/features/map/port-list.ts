import { PROTOCOLS, type Protocol } from '@netmap/model';

/** Ports as flows carry them: every port, or `["TCP 80", "TCP 8000-8080", "UDP 53"]`. */
export type Ports = 'all' | readonly string[];

type Ranges = Map<string, [number, number][]>;

/** The union of several flows' ports, in the flows' own notation, sorted and merged. */
export function mergePorts(lists: readonly Ports[]): Ports {
  if (lists.some((ports) => ports === 'all')) return 'all';
  const ranges: Ranges = new Map();
  for (const list of lists as readonly (readonly string[])[]) {
    for (const entry of list) {
      const match = /^(\S+) (\d+)(?:-(\d+))?$/.exec(entry);
      if (!match) continue;
      const [, protocol = '', first = '', last = first] = match;
      ranges.set(protocol, [...(ranges.get(protocol) ?? []), [Number(first), Number(last)]]);
    }
  }
  return protocolsOf(ranges).flatMap((protocol) =>
    mergeRanges(ranges.get(protocol)!).map(([first, last]) =>
      first === last ? `${protocol} ${first}` : `${protocol} ${first}-${last}`,
    ),
  );
}

/** Known protocols in their usual order, then any others alphabetically. */
function protocolsOf(ranges: Ranges): string[] {
  const known = PROTOCOLS.filter((protocol) => ranges.has(protocol));
  const others = [...ranges.keys()].filter((protocol) => !PROTOCOLS.includes(protocol as Protocol)).sort();
  return [...known, ...others];
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [first, last] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

const MAX_SHOWN = 6;

/** `TCP 8080, 9555 · UDP 53`, `all TCP`, or `all ports`; long lists end with `+N more`. */
export function portsLabel(ports: Ports): string {
  if (ports === 'all') return 'all ports';
  const byProtocol = new Map<string, string[]>();
  for (const entry of ports) {
    const [protocol = '', range = ''] = entry.split(' ');
    byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), range === '1-65535' ? 'all' : range]);
  }
  let budget = MAX_SHOWN;
  const parts: string[] = [];
  for (const [protocol, ranges] of byProtocol) {
    if (budget <= 0) break;
    const shown = ranges.slice(0, budget);
    budget -= shown.length;
    parts.push(
      shown[0] === 'all' && ranges.length === 1 ? `all ${protocol}` : `${protocol} ${shown.join(', ')}`,
    );
  }
  const hidden = ports.length - (MAX_SHOWN - Math.max(0, budget));
  return hidden > 0 ? `${parts.join(' · ')} +${hidden} more` : parts.join(' · ');
}

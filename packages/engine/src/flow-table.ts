import type { PortVerdicts } from './connection-ports.ts';
import { compareText } from './compare-text.ts';
import { PortSet } from './port-set.ts';

/** Connections from one workload (or outside peer) to another: `"all"` ports or `["TCP 80", …]`. */
export interface WorkloadFlow {
  from: string;
  to: string;
  ports: 'all' | string[];
}

/** Collects ports per ordered pair of peers; a port both allowed and unknown counts as allowed. */
export class FlowTable {
  private readonly allowed = new Map<string, PortSet>();
  private readonly unknown = new Map<string, PortSet>();

  add(from: string, to: string, ports: PortVerdicts): void {
    const key = `${from}\u0000${to}`;
    if (!ports.allowed.isEmpty())
      this.allowed.set(key, (this.allowed.get(key) ?? PortSet.EMPTY).union(ports.allowed));
    if (!ports.unknown.isEmpty())
      this.unknown.set(key, (this.unknown.get(key) ?? PortSet.EMPTY).union(ports.unknown));
  }

  /** Allowed flows, and flows that depend on a fact that is not known, each sorted by from then to. */
  result(): { flows: WorkloadFlow[]; unknown: WorkloadFlow[] } {
    const unknown = new Map<string, PortSet>();
    for (const [key, ports] of this.unknown) {
      const rest = ports.subtract(this.allowed.get(key) ?? PortSet.EMPTY);
      if (!rest.isEmpty()) unknown.set(key, rest);
    }
    return { flows: toFlows(this.allowed), unknown: toFlows(unknown) };
  }
}

function toFlows(byPair: Map<string, PortSet>): WorkloadFlow[] {
  return [...byPair]
    .map(([key, ports]) => {
      const [from = '', to = ''] = key.split('\u0000');
      return { from, to, ports: ports.isAll() ? ('all' as const) : ports.toStrings() };
    })
    .sort((a, b) => (a.from === b.from ? compareText(a.to, b.to) : compareText(a.from, b.from)));
}

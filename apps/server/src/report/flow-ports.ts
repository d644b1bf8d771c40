import { parsePorts, PortSet } from '@netmap/engine';

/** Ports as flows write them: `"all"` or `["TCP 80", "TCP 8000-8080", "UDP 53"]`. */
export type FlowPorts = 'all' | string[];

// Flows repeat a few port lists many times over (a large cluster: hundreds of thousands of flows).
const read = new Map<string, PortSet>();
const MAX_REMEMBERED = 10_000;

/** Reads ports as flows write them. */
export function readFlowPorts(ports: FlowPorts): PortSet {
  if (ports === 'all') return PortSet.ALL;
  const key = ports.join(',');
  const known = read.get(key);
  if (known) return known;
  if (read.size >= MAX_REMEMBERED) read.clear();
  const parsed = parsePorts(ports);
  read.set(key, parsed);
  return parsed;
}

/** Writes ports as flows write them. */
export function writeFlowPorts(ports: PortSet): FlowPorts {
  return ports.isAll() ? 'all' : ports.toStrings();
}

import { PROTOCOLS, type Protocol } from '@netmap/model';
import { PortSet } from './port-set.ts';

/** A port set back from the form flows show it in: `"all"` or `["TCP 80", "TCP 8000-8080", "UDP 53"]`. */
export function parsePorts(ports: 'all' | readonly string[]): PortSet {
  if (ports === 'all') return PortSet.ALL;
  let set = PortSet.EMPTY;
  for (const text of ports) {
    const match = /^([A-Z]+) (\d+)(?:-(\d+))?$/.exec(text);
    const protocol = match?.[1] as Protocol | undefined;
    if (!match || !protocol || !PROTOCOLS.includes(protocol))
      throw new Error(`"${text}" is not a port range`);
    const first = Number(match[2]);
    set = set.union(PortSet.of(protocol, first, match[3] === undefined ? first : Number(match[3])));
  }
  return set;
}

/** The form flows show a port set in. */
export function formatPorts(ports: PortSet): 'all' | string[] {
  return ports.isAll() ? 'all' : ports.toStrings();
}

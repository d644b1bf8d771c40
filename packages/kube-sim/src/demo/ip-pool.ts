/** Reads a dotted IPv4 address as a number; undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** Writes a number as a dotted IPv4 address. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The first and last address of an IPv4 CIDR. */
export function cidrRange(cidr: string): { first: number; last: number } {
  const [address = '', bits = ''] = cidr.split('/');
  const base = parseIpv4(address);
  const prefix = Number(bits);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 30) {
    throw new Error(`not an IPv4 CIDR with room for pods: ${cidr}`);
  }
  const size = 2 ** (32 - prefix);
  const first = base - (base % size);
  return { first, last: first + size - 1 };
}

/** Whether an IPv4 address lies in a CIDR. */
export function isInCidr(ip: string, cidr: string): boolean {
  const value = parseIpv4(ip);
  const { first, last } = cidrRange(cidr);
  return value !== undefined && value >= first && value <= last;
}

/**
 * The lowest free pod address of a CIDR, as host-local IPAM hands them out: the network address,
 * the gateway (.1) and the broadcast address are never given to pods.
 */
export function nextFreeIp(cidr: string, used: ReadonlySet<string>): string {
  const { first, last } = cidrRange(cidr);
  for (let value = first + 2; value < last; value++) {
    const ip = formatIpv4(value);
    if (!used.has(ip)) return ip;
  }
  throw new Error(`no free pod address left in ${cidr}`);
}

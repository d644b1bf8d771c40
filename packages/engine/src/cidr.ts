import ipaddr from 'ipaddr.js';

/** An IP address as a number, with its family. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
  text: string;
}

/** A CIDR block as the inclusive range of addresses it holds. */
export interface Cidr {
  family: 4 | 6;
  first: bigint;
  last: bigint;
  /** Canonical text: the network address and prefix (host bits cleared). */
  text: string;
}

/** Parses an IPv4 (dotted decimal, as Go's net.ParseIP) or IPv6 address; undefined when it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: BigInt(v4), text };
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return toIpAddress(ipaddr.IPv6.parse(text));
  return undefined;
}

/** Dotted decimal without leading zeros, as Go reads it; a fast path for the common case of pod IPs. */
function parseIpv4(text: string): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      if (digits > 0 && octet === 0) return undefined; // no leading zeros
      octet = octet * 10 + (code - 48);
      if (octet > 255) return undefined;
      digits++;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

function toIpAddress(address: ipaddr.IPv4 | ipaddr.IPv6): IpAddress {
  return {
    family: address.kind() === 'ipv4' ? 4 : 6,
    value: bytesToBigInt(address.toByteArray()),
    text: address.toString(),
  };
}

/**
 * Parses a CIDR. Host bits that are set are cleared, as Go's net.ParseCIDR and the API server read
 * them (`10.0.0.1/8` is `10.0.0.0/8`).
 */
export function parseCidr(text: string): Cidr | { error: string } {
  const slash = text.indexOf('/');
  const address = slash < 0 ? undefined : parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) {
    return { error: `"${text}" is not a valid CIDR` };
  }
  const width = address.family === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > width) return { error: `"${text}" has a prefix longer than ${width} bits` };
  const hostBits = BigInt(width - prefix);
  const first = (address.value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { family: address.family, first, last, text: `${formatIp(address.family, first)}/${prefix}` };
}

/** Whether the block holds the address (never across families). */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && cidr.first <= ip.value && ip.value <= cidr.last;
}

/** Whether `inner` lies entirely within `outer`. */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  return inner.family === outer.family && outer.first <= inner.first && inner.last <= outer.last;
}

function bytesToBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** The text form of an address. */
export function formatIp(family: 4 | 6, value: bigint): string {
  const length = family === 4 ? 4 : 16;
  const bytes: number[] = [];
  for (let i = length - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

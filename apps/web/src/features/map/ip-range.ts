/** An address of either family as a number, so ranges can be compared and measured. */
export interface IpValue {
  family: 4 | 6;
  value: bigint;
}

/** An inclusive range of addresses, as the engine names the pieces of the outside. */
export interface IpRange {
  family: 4 | 6;
  first: bigint;
  last: bigint;
  /** The first address as written in the range's name. */
  firstText: string;
}

/** `10.1.2.3` or `fd00::1` (with an optional embedded IPv4 tail) → its value; undefined otherwise. */
export function parseIp(text: string): IpValue | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string | undefined): bigint[] | undefined => {
    if (!half) return [];
    const groups: bigint[] = [];
    const parts = half.split(':');
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === undefined) return undefined;
        groups.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) groups.push(BigInt(`0x${part}`));
      else return undefined;
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<bigint>(halves.length === 1 ? 0 : missing).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** `10.0.0.0-10.255.255.255` (optionally followed by `[External]`) → the range; undefined otherwise. */
export function parseIpRange(name: string): IpRange | undefined {
  const text = name.endsWith('[External]') ? name.slice(0, -'[External]'.length) : name;
  // IPv6 addresses hold no '-', so the one dash separates the two ends.
  const [firstText = '', lastText = '', ...rest] = text.split('-');
  if (rest.length > 0) return undefined;
  const first = parseIp(firstText);
  const last = parseIp(lastText);
  if (!first || !last || first.family !== last.family || first.value > last.value) return undefined;
  return { family: first.family, first: first.value, last: last.value, firstText };
}

/** The prefix length when the range is exactly one CIDR block, else undefined. */
export function cidrPrefixOf(range: IpRange): number | undefined {
  const bits = range.family === 4 ? 32 : 128;
  const size = range.last - range.first + 1n;
  // A block has a power-of-two size and starts on a multiple of it.
  if ((size & (size - 1n)) !== 0n || range.first % size !== 0n) return undefined;
  return bits - (size.toString(2).length - 1);
}

/** Whether the address falls in the range. */
export function rangeContains(range: IpRange, ip: IpValue): boolean {
  return range.family === ip.family && range.first <= ip.value && ip.value <= range.last;
}

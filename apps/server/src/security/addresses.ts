import { BlockList, isIP } from 'node:net';

/** Whether a listen address reaches only this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** `::ffff:10.0.0.5`, as a dual-stack socket reports an IPv4 peer, is `10.0.0.5`. */
export function unmapIpv4(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4
    ? address.slice(7)
    : address;
}

/** A set of addresses and CIDR ranges (`10.0.0.5`, `10.1.0.0/16`, `fd00::/8`). Throws on a malformed entry. */
export function parseAddressList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      extra !== undefined ||
      (bits !== undefined && !/^[0-9]+$/.test(bits)) ||
      prefix > maxBits
    )
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** Whether a peer address is in the list (IPv4-mapped IPv6 peers compared as IPv4). */
export function isListed(list: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  const peer = unmapIpv4(address);
  const family = isIP(peer);
  return family !== 0 && list.check(peer, family === 6 ? 'ipv6' : 'ipv4');
}

/** The host name of a `Host` header, without port or IPv6 brackets, lower case. */
export function hostNameOf(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') >= 0 ? host.indexOf(']') : undefined);
  return host.replace(/:[0-9]*$/, '');
}

import { describe, expect, it } from 'vitest';
import { hostNameOf, isListed, isLoopbackHost, parseAddressList } from './addresses.ts';

describe('addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.1', false],
    ['netmap.example', false],
  ])('isLoopbackHost(%s) is %s', (host, expected) => expect(isLoopbackHost(host)).toBe(expected));

  it('matches peers against addresses and ranges, IPv4-mapped peers as IPv4', () => {
    const list = parseAddressList(['10.0.0.5', '192.168.0.0/16', 'fd00::/8']);
    expect(isListed(list, '10.0.0.5')).toBe(true);
    expect(isListed(list, '::ffff:10.0.0.5')).toBe(true);
    expect(isListed(list, '192.168.44.1')).toBe(true);
    expect(isListed(list, 'fd12::1')).toBe(true);
    expect(isListed(list, '10.0.0.6')).toBe(false);
    expect(isListed(list, undefined)).toBe(false);
  });

  it.each(['proxy.local', '10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/8/1', ''])('refuses "%s"', (entry) =>
    expect(() => parseAddressList([entry])).toThrow(/not an IP address or CIDR range/),
  );

  it.each([
    ['localhost:8080', 'localhost'],
    ['NetMap.Example', 'netmap.example'],
    ['[::1]:8080', '::1'],
    ['10.0.0.1:80', '10.0.0.1'],
    [undefined, ''],
  ])('hostNameOf(%s) is %s', (header, expected) => expect(hostNameOf(header)).toBe(expected));
});

import { describe, expect, it } from 'vitest';
import { cidrContains, cidrWithin, parseCidr, parseIp, type Cidr, type IpAddress } from './cidr.ts';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

function ip(text: string): IpAddress {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`not an IP: ${text}`);
  return parsed;
}

describe('parseCidr', () => {
  it.each<[string, 4 | 6, string]>([
    ['10.0.0.0/8', 4, '10.0.0.0/8'],
    ['192.168.1.0/24', 4, '192.168.1.0/24'],
    ['0.0.0.0/0', 4, '0.0.0.0/0'],
    ['10.1.2.3/32', 4, '10.1.2.3/32'],
    ['2001:db8::/32', 6, '2001:db8::/32'],
    ['2001:DB8:0:0::/48', 6, '2001:db8::/48'],
    ['::/0', 6, '::/0'],
    ['::1/128', 6, '::1/128'],
  ])('reads %s as an IPv%i block %s', (text, family, canonical) => {
    const block = cidr(text);
    expect(block.family).toBe(family);
    expect(block.text).toBe(canonical);
  });

  it.each<[string, string]>([
    ['10.0.0.1/8', '10.0.0.0/8'],
    ['192.168.1.77/24', '192.168.1.0/24'],
    ['10.255.255.255/9', '10.128.0.0/9'],
    ['2001:db8::1/32', '2001:db8::/32'],
    ['2001:db8:ffff::1/33', '2001:db8:8000::/33'],
  ])('reads %s, with host bits set, as the network %s', (text, network) => {
    expect(cidr(text).text).toBe(network);
  });

  it.each<[string, bigint, bigint]>([
    ['10.0.0.0/8', 0x0a000000n, 0x0affffffn],
    ['0.0.0.0/0', 0n, 0xffffffffn],
    ['10.1.2.3/32', 0x0a010203n, 0x0a010203n],
    ['::/0', 0n, (1n << 128n) - 1n],
    ['::1/128', 1n, 1n],
  ])('%s spans its addresses', (text, first, last) => {
    expect(cidr(text)).toMatchObject({ first, last });
  });

  it.each([
    '10.0.0.0/33',
    '2001:db8::/129',
    'abc',
    '',
    '10.0.0.0',
    '10.0.0.0/',
    '10.0.0.0/-1',
    '10.0.0.0/08',
    '010.0.0.0/8',
    '10.0.0.00/8',
    '256.0.0.0/8',
    '10.0.0/8',
    '10.0.0.0.0/8',
    '0x0a.0.0.0/8',
    '2001:db8::g/32',
    '10.0.0.0/8/8',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toHaveProperty('error');
  });
});

describe('parseIp', () => {
  it.each<[string, 4 | 6 | undefined]>([
    ['10.0.0.1', 4],
    ['0.0.0.0', 4],
    ['fd00::1', 6],
    ['::', 6],
    ['010.0.0.1', undefined],
    ['10.0.0', undefined],
    ['10.0.0.1/32', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('reads %j as family %s', (text, family) => {
    expect(parseIp(text)?.family).toBe(family);
  });
});

describe('cidrContains', () => {
  it.each<[string, string, boolean]>([
    ['10.0.0.0/8', '10.0.0.0', true],
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['10.0.0.0/8', '9.255.255.255', false],
    ['10.0.0.1/8', '10.9.9.9', true],
    ['10.1.2.3/32', '10.1.2.3', true],
    ['10.1.2.3/32', '10.1.2.4', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['2001:db8::/32', '2001:db8:1::5', true],
    ['2001:db8::/32', '2001:db9::5', false],
    ['::1/128', '::1', true],
    ['::1/128', '::2', false],
    ['::/0', 'fd00::1', true],
  ])('%s holds %s: %s', (block, address, expected) => {
    expect(cidrContains(cidr(block), ip(address))).toBe(expected);
  });

  it.each<[string, string]>([
    ['0.0.0.0/0', 'fd00::1'],
    ['::/0', '10.0.0.1'],
    ['10.0.0.0/8', '::a00:1'],
    ['::/96', '10.0.0.1'],
  ])('never matches across families: %s does not hold %s', (block, address) => {
    expect(cidrContains(cidr(block), ip(address))).toBe(false);
  });
});

describe('cidrWithin', () => {
  it.each<[string, string, boolean]>([
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.1.0.0/16', false],
    ['11.0.0.0/16', '10.0.0.0/8', false],
    ['2001:db8:1::/48', '2001:db8::/32', true],
    ['::/96', '0.0.0.0/0', false],
  ])('%s within %s: %s', (inner, outer, expected) => {
    expect(cidrWithin(cidr(inner), cidr(outer))).toBe(expected);
  });
});

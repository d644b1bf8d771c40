import { describe, expect, it } from 'vitest';
import { cidrPrefixOf, parseIp, parseIpRange, rangeContains } from './ip-range.ts';
import { outsideCanvasId, outsideRoleOf } from './outside.ts';
import { external } from './test-model.ts';

describe('pieces of the outside', () => {
  it.each([
    ['10.0.0.0-10.255.255.255[External]', { kind: 'cidr', cidr: '10.0.0.0/8' }],
    ['198.51.100.0-198.51.100.255[External]', { kind: 'cidr', cidr: '198.51.100.0/24' }],
    ['203.0.113.7-203.0.113.7[External]', { kind: 'cidr', cidr: '203.0.113.7/32' }],
    ['fd00::-fd00::ffff[External]', { kind: 'cidr', cidr: 'fd00::/112' }],
    ['0.0.0.0-9.255.255.255[External]', { kind: 'internet' }],
    ['0.0.0.0-255.255.255.255[External]', { kind: 'internet' }],
    ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', { kind: 'internet' }],
    ['11.0.0.0-172.15.255.255[External]', { kind: 'internet' }],
    ['{ingress-controller}', { kind: 'ingress-controller' }],
    ['{something}', { kind: 'other', label: 'something' }],
  ])('%s is drawn as %j', (name, role) => {
    expect(outsideRoleOf(external(name))).toMatchObject(role);
  });

  it('draws every piece that is no single block as the one Internet node', () => {
    expect(outsideCanvasId(external('11.0.0.0-172.15.255.255[External]'))).toBe('internet');
    expect(outsideCanvasId(external('10.0.0.0-10.255.255.255[External]'))).toBe(
      'external:10.0.0.0-10.255.255.255[External]',
    );
  });

  it('reads addresses of both families and tells what a range holds', () => {
    expect(parseIp('::ffff:10.0.0.1')).toEqual({ family: 6, value: 0xffff0a000001n });
    expect(parseIp('1::2::3')).toBeUndefined();
    expect(parseIp('256.0.0.1')).toBeUndefined();
    const range = parseIpRange('10.0.0.0-10.0.0.255')!;
    expect(cidrPrefixOf(range)).toBe(24);
    expect(rangeContains(range, parseIp('10.0.0.9')!)).toBe(true);
    expect(rangeContains(range, parseIp('10.0.1.9')!)).toBe(false);
    expect(cidrPrefixOf(parseIpRange('10.0.0.1-10.0.0.2')!)).toBeUndefined();
  });
});

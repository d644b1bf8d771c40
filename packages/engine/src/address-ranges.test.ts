import { describe, expect, it } from 'vitest';
import { mergeAddressRanges } from './address-ranges.ts';

describe('mergeAddressRanges', () => {
  it.each<[string, string[], string[]]>([
    [
      'adjacent pieces of the address space',
      ['0.0.0.0-198.51.99.255', '198.51.100.0-198.51.100.255', '198.51.101.0-255.255.255.255'],
      ['0.0.0.0-255.255.255.255'],
    ],
    ['in any order', ['10.0.1.0-10.0.1.255', '10.0.0.0-10.0.0.255'], ['10.0.0.0-10.0.1.255']],
    [
      'with a gap',
      ['10.0.0.0-10.0.0.255', '10.0.2.0-10.0.2.255'],
      ['10.0.0.0-10.0.0.255', '10.0.2.0-10.0.2.255'],
    ],
    ['overlapping', ['10.0.0.0-10.0.0.255', '10.0.0.128-10.0.0.130'], ['10.0.0.0-10.0.0.255']],
    [
      'IPv4 before IPv6, never joined across families',
      ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '0.0.0.0-255.255.255.255'],
      ['0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ],
    [
      'IPv6 pieces',
      ['::-7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '8000::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
      ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ],
    [
      'what is not a range, kept once after the ranges',
      ['{ingress-controller}', '10.0.0.0-10.0.0.1', '{ingress-controller}'],
      ['10.0.0.0-10.0.0.1', '{ingress-controller}'],
    ],
  ])('joins %s', (_name, texts, expected) => {
    expect(mergeAddressRanges(texts)).toEqual(expected);
  });
});

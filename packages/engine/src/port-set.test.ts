import { describe, expect, it } from 'vitest';
import { PortSet } from './port-set.ts';

const tcp = (first: number, last = first) => PortSet.of('TCP', first, last);
const unionOf = (...sets: PortSet[]) => sets.reduce((sum, set) => sum.union(set), PortSet.EMPTY);

describe('toStrings', () => {
  it.each<[string, PortSet, string[]]>([
    ['a single port as "TCP 80"', tcp(80), ['TCP 80']],
    ['a range as "TCP 8000-8080"', tcp(8000, 8080), ['TCP 8000-8080']],
    ['nothing for the empty set', PortSet.EMPTY, []],
    ['every protocol for the full set', PortSet.ALL, ['TCP 1-65535', 'UDP 1-65535', 'SCTP 1-65535']],
    [
      'TCP, then UDP, then SCTP, each by port',
      unionOf(PortSet.of('SCTP', 9), PortSet.of('UDP', 53), tcp(8000, 8080), tcp(80)),
      ['TCP 80', 'TCP 8000-8080', 'UDP 53', 'SCTP 9'],
    ],
  ])('formats %s', (_, set, expected) => {
    expect(set.toStrings()).toEqual(expected);
  });
});

describe('union', () => {
  it.each<[string, PortSet[], string[]]>([
    ['merges adjacent ports into one range', [tcp(80), tcp(81)], ['TCP 80-81']],
    ['merges adjacent ranges', [tcp(1, 10), tcp(11, 20)], ['TCP 1-20']],
    ['merges overlapping ranges', [tcp(1, 100), tcp(50, 200)], ['TCP 1-200']],
    ['keeps a range that holds another', [tcp(1, 100), tcp(20, 30)], ['TCP 1-100']],
    ['keeps ports with a gap apart', [tcp(80), tcp(82)], ['TCP 80', 'TCP 82']],
    ['bridges two ranges with the gap between them', [tcp(1, 10), tcp(20, 30), tcp(11, 19)], ['TCP 1-30']],
    ['keeps protocols apart', [tcp(53), PortSet.of('UDP', 53)], ['TCP 53', 'UDP 53']],
    ['with the empty set changes nothing', [tcp(80), PortSet.EMPTY], ['TCP 80']],
  ])('%s', (_, sets, expected) => {
    expect(unionOf(...sets).toStrings()).toEqual(expected);
  });

  it('of every port of each protocol is the full set', () => {
    const all = unionOf(PortSet.allOf('TCP'), PortSet.allOf('UDP'), PortSet.allOf('SCTP'));
    expect(all.isAll()).toBe(true);
    expect(all.equals(PortSet.ALL)).toBe(true);
  });

  it('with the full set is the full set', () => {
    expect(tcp(80).union(PortSet.ALL).isAll()).toBe(true);
  });
});

describe('intersect', () => {
  it.each<[string, PortSet, PortSet, string[]]>([
    ['keeps the overlap of two ranges', tcp(1, 100), tcp(50, 200), ['TCP 50-100']],
    ['is empty for disjoint ranges', tcp(1, 10), tcp(11, 20), []],
    ['is empty across protocols', tcp(53), PortSet.of('UDP', 53), []],
    ['with the full set keeps the set', tcp(80, 90), PortSet.ALL, ['TCP 80-90']],
    ['of the full set keeps the other set', PortSet.ALL, PortSet.of('UDP', 53), ['UDP 53']],
    ['with the empty set is empty', tcp(80), PortSet.EMPTY, []],
    ['cuts several ranges', unionOf(tcp(1, 10), tcp(20, 30)), tcp(5, 25), ['TCP 5-10', 'TCP 20-25']],
    ['keeps every protocol', PortSet.ALL, unionOf(tcp(80), PortSet.of('SCTP', 80)), ['TCP 80', 'SCTP 80']],
  ])('%s', (_, a, b, expected) => {
    expect(a.intersect(b).toStrings()).toEqual(expected);
  });
});

describe('subtract', () => {
  it.each<[string, PortSet, PortSet, string[]]>([
    ['splits a range around a port', tcp(1, 100), tcp(50), ['TCP 1-49', 'TCP 51-100']],
    ['cuts the start of a range', tcp(1, 100), tcp(1, 10), ['TCP 11-100']],
    ['cuts the end of a range', tcp(1, 100), tcp(90, 200), ['TCP 1-89']],
    ['removes a whole range', tcp(80), tcp(1, 1000), []],
    ['removes several holes', tcp(1, 10), unionOf(tcp(2), tcp(4), tcp(6, 20)), ['TCP 1', 'TCP 3', 'TCP 5']],
    ['leaves other protocols', PortSet.ALL, PortSet.allOf('TCP'), ['UDP 1-65535', 'SCTP 1-65535']],
    ['of the empty set changes nothing', tcp(80), PortSet.EMPTY, ['TCP 80']],
    ['of a disjoint set changes nothing', tcp(80), PortSet.of('UDP', 80), ['TCP 80']],
  ])('%s', (_, a, b, expected) => {
    expect(a.subtract(b).toStrings()).toEqual(expected);
  });
});

describe('isAll and isEmpty', () => {
  it.each<[string, PortSet, boolean, boolean]>([
    ['EMPTY', PortSet.EMPTY, false, true],
    ['ALL', PortSet.ALL, true, false],
    ['every TCP port', PortSet.allOf('TCP'), false, false],
    ['every port but one', PortSet.ALL.subtract(tcp(80)), false, false],
    ['a port minus itself', tcp(80).subtract(tcp(80)), false, true],
    ['ALL put back together', PortSet.ALL.subtract(tcp(80)).union(tcp(80)), true, false],
  ])('%s: isAll %s, isEmpty %s', (_, set, isAll, isEmpty) => {
    expect(set.isAll()).toBe(isAll);
    expect(set.isEmpty()).toBe(isEmpty);
  });
});

describe('has', () => {
  it.each<[number, boolean]>([
    [7999, false],
    [8000, true],
    [8040, true],
    [8080, true],
    [8081, false],
  ])('TCP 8000-8080 has TCP %i: %s', (port, expected) => {
    expect(tcp(8000, 8080).has('TCP', port)).toBe(expected);
  });

  it('a TCP port is not a UDP port', () => {
    expect(tcp(53).has('UDP', 53)).toBe(false);
  });
});

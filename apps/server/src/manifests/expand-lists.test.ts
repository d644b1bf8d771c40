import { describe, expect, it } from 'vitest';
import { expandDocument, isList } from './expand-lists.ts';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name } });

describe('expandDocument', () => {
  it('keeps a single object at the document line', () => {
    expect(expandDocument({ value: pod('a'), line: 4, itemLines: [] })).toEqual([
      { value: pod('a'), line: 4 },
    ]);
  });

  it('holds nothing for an empty document', () => {
    expect(expandDocument({ value: null, line: 1, itemLines: [] })).toEqual([]);
    expect(expandDocument({ value: undefined, line: 1, itemLines: [] })).toEqual([]);
  });

  it('expands `kind: List` items at their lines, as kubectl get -o yaml prints them', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [pod('a'), { kind: 'Service' }], metadata: {} };
    expect(expandDocument({ value: list, line: 1, itemLines: [4, 9] })).toEqual([
      { value: pod('a'), line: 4 },
      { value: { kind: 'Service' }, line: 9 },
    ]);
  });

  it('fills kind and apiVersion of typed list items that lack them', () => {
    const list = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicyList',
      items: [{ metadata: { name: 'a' } }, { apiVersion: 'x/v1', kind: 'Other', metadata: { name: 'b' } }],
    };
    expect(expandDocument({ value: list, line: 1, itemLines: [3, 5] })).toEqual([
      {
        value: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'a' } },
        line: 3,
      },
      { value: { apiVersion: 'x/v1', kind: 'Other', metadata: { name: 'b' } }, line: 5 },
    ]);
  });

  it('leaves the parsed items unchanged', () => {
    const item = { metadata: { name: 'a' } };
    expandDocument({ value: { kind: 'PodList', items: [item] }, line: 1, itemLines: [] });
    expect(item).toEqual({ metadata: { name: 'a' } });
  });

  it('expands a top-level sequence and drops its empty entries', () => {
    const value = [pod('a'), null, 'text', pod('b')];
    expect(expandDocument({ value, line: 1, itemLines: [1, 2, 3, 4] })).toEqual([
      { value: pod('a'), line: 1 },
      { value: 'text', line: 3 },
      { value: pod('b'), line: 4 },
    ]);
  });

  it('falls back to the document line when an item line is unknown', () => {
    expect(expandDocument({ value: { kind: 'List', items: [pod('a')] }, line: 7, itemLines: [] })).toEqual([
      { value: pod('a'), line: 7 },
    ]);
  });
});

describe('isList', () => {
  it.each([
    [{ kind: 'List', items: [] }, true],
    [{ kind: 'List', items: null }, true],
    [{ kind: 'List' }, true],
    [{ kind: 'PodList', items: [] }, true],
    [{ kind: 'PodList' }, false],
    [{ kind: 'AllowList', spec: { items: [] } }, false],
    [{ kind: 'Pod', items: [] }, false],
    [{ kind: 7, items: [] }, false],
    [[{ kind: 'Pod' }], false],
    [null, false],
  ])('%j → %s', (value, expected) => {
    expect(isList(value)).toBe(expected);
  });
});

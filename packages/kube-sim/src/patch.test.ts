import { describe, expect, it } from 'vitest';
import { applyJsonPatch, applyMergePatch, applyPatch } from './patch.ts';

describe('applyMergePatch', () => {
  it('merges objects, replaces lists and removes keys set to null', () => {
    const target = { metadata: { labels: { a: '1', b: '2' } }, spec: { ports: [1, 2] } };
    const patch = { metadata: { labels: { b: null, c: '3' } }, spec: { ports: [3] } };
    expect(applyMergePatch(target, patch)).toEqual({ metadata: { labels: { a: '1', c: '3' } }, spec: { ports: [3] } });
    expect(target.metadata.labels).toEqual({ a: '1', b: '2' });
  });
});

describe('applyJsonPatch', () => {
  it('adds, replaces, removes, moves and tests', () => {
    const target = { metadata: { labels: { a: '1' } }, list: [1, 2] };
    const result = applyJsonPatch(target, [
      { op: 'add', path: '/metadata/labels/b~1c', value: '2' },
      { op: 'replace', path: '/metadata/labels/a', value: 'x' },
      { op: 'add', path: '/list/-', value: 3 },
      { op: 'remove', path: '/list/0' },
      { op: 'test', path: '/list', value: [2, 3] },
      { op: 'move', from: '/list', path: '/items' },
    ]);
    expect(result).toEqual({ metadata: { labels: { a: 'x', 'b/c': '2' } }, items: [2, 3] });
  });

  it('fails a failed test operation', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(/test failed/);
  });
});

describe('applyPatch', () => {
  it('treats strategic merge like merge and rejects unknown types with 415', () => {
    expect(applyPatch('application/strategic-merge-patch+json', { a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(() => applyPatch('application/yaml', {}, {})).toThrow(/unknown format/);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeContinue } from './list-query.ts';
import { ObjectStore } from './object-store.ts';
import { RESOURCE_TYPES, type ResourceType } from './resources.ts';
import { namespace, pod } from './test-fixtures.ts';

const typeOf = (kind: string): ResourceType => RESOURCE_TYPES.find((t) => t.kind === kind) as ResourceType;
const NAMESPACES = typeOf('Namespace');
const PODS = typeOf('Pod');

function storeWithPods(count: number, historySize?: number): ObjectStore {
  const store = new ObjectStore(historySize);
  store.createObject(NAMESPACES, '', namespace('shop'));
  for (let i = 0; i < count; i++) store.createObject(PODS, 'shop', pod('shop', `p${i}`, { n: String(i) }));
  return store;
}

describe('ObjectStore writes', () => {
  it('bumps one global resourceVersion on every write and sets identity fields', () => {
    const store = storeWithPods(2);
    expect(store.resourceVersion).toBe('3');
    const created = store.getObject(PODS, 'shop', 'p1');
    expect(created.metadata).toMatchObject({ resourceVersion: '3', namespace: 'shop', uid: expect.any(String) });
    expect((created.metadata as Record<string, unknown>).creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('labels a namespace with its name, like the API server', () => {
    const store = storeWithPods(0);
    expect(store.getObject(NAMESPACES, '', 'shop').metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
  });

  it('refuses duplicates (409), missing namespaces (404) and stale updates (409 Conflict)', () => {
    const store = storeWithPods(1);
    expect(() => store.createObject(PODS, 'shop', pod('shop', 'p0'))).toThrow('pods "p0" already exists');
    expect(() => store.createObject(PODS, 'nowhere', pod('nowhere', 'x'))).toThrow('namespaces "nowhere" not found');
    const stale = { ...pod('shop', 'p0'), metadata: { name: 'p0', namespace: 'shop', resourceVersion: '1' } };
    expect(() => store.updateObject(PODS, 'shop', 'p0', stale)).toThrow(/the object has been modified/);
  });

  it('does not bump the resourceVersion for an update that changes nothing', () => {
    const store = storeWithPods(1);
    const current = store.getObject(PODS, 'shop', 'p0');
    expect(store.updateObject(PODS, 'shop', 'p0', current).metadata?.resourceVersion).toBe('2');
    expect(store.resourceVersion).toBe('2');
  });

  it('keeps the status on a spec update and the spec on a status update', () => {
    const store = storeWithPods(1);
    const next = { ...pod('shop', 'p0'), status: { phase: 'Failed' }, spec: { containers: [] } };
    expect(store.updateObject(PODS, 'shop', 'p0', next, 'spec').status).toEqual({ phase: 'Running' });
    expect(store.updateObject(PODS, 'shop', 'p0', { ...next, spec: {} }, 'status')).toMatchObject({ spec: { containers: [] }, status: { phase: 'Failed' } });
  });

  it('deletes what a namespace holds with it', () => {
    const store = storeWithPods(2);
    store.deleteObject(NAMESPACES, '', 'shop');
    expect(store.listObjects(PODS).items).toEqual([]);
    expect(store.changesSince(3).map((c) => c.type)).toEqual(['DELETED', 'DELETED', 'DELETED']);
  });
});

describe('ObjectStore lists', () => {
  it('strips kind and apiVersion from items and filters by namespace and labels', () => {
    const store = storeWithPods(3);
    const page = store.listObjects(PODS, { namespace: 'shop', labelSelector: 'n in (0,2)' });
    expect(page.items.map((p) => p.metadata?.name)).toEqual(['p0', 'p2']);
    expect(page.items[0]).not.toHaveProperty('kind');
    expect(store.listObjects(PODS, { namespace: 'other' }).items).toEqual([]);
  });

  it('paginates over a consistent snapshot at the first page resourceVersion', () => {
    const store = storeWithPods(5);
    const first = store.listObjects(PODS, { limit: 2 });
    expect(first).toMatchObject({ resourceVersion: '6', remainingItemCount: 3 });
    store.deleteObject(PODS, 'shop', 'p2');
    store.createObject(PODS, 'shop', pod('shop', 'p9'));
    const second = store.listObjects(PODS, { limit: 2, continueFrom: decodeContinue(first.continue ?? '') });
    expect(second.items.map((p) => p.metadata?.name)).toEqual(['p2', 'p3']);
    const third = store.listObjects(PODS, { limit: 2, continueFrom: decodeContinue(second.continue ?? '') });
    expect(third.items.map((p) => p.metadata?.name)).toEqual(['p4']);
    expect(third.continue).toBeUndefined();
  });

  it('expires a continue token once the history no longer covers its snapshot', () => {
    const store = storeWithPods(3, 2);
    const first = store.listObjects(PODS, { limit: 1 });
    store.createObject(PODS, 'shop', pod('shop', 'x'));
    store.createObject(PODS, 'shop', pod('shop', 'y'));
    expect(store.listObjects(PODS, { continueFrom: decodeContinue(first.continue ?? '') }).items).toHaveLength(2);
    store.createObject(PODS, 'shop', pod('shop', 'z'));
    expect(() => store.listObjects(PODS, { continueFrom: decodeContinue(first.continue ?? '') })).toThrow(/too old resource version/);
  });
});

describe('ObjectStore history', () => {
  it('returns the changes after a resourceVersion and expires compacted ones', () => {
    const store = storeWithPods(2);
    expect(store.changesSince(1).map((c) => [c.type, c.resourceVersion])).toEqual([['ADDED', 2], ['ADDED', 3]]);
    store.compact();
    expect(store.changesSince(3)).toEqual([]);
    expect(() => store.changesSince(2)).toThrow('too old resource version: 2 (3)');
  });

  it('notifies listeners of every change in order', () => {
    const store = storeWithPods(0);
    const seen: string[] = [];
    store.subscribe((change) => seen.push(`${change.type} ${change.object.metadata?.name}`));
    store.createObject(PODS, 'shop', pod('shop', 'a'));
    store.deleteObject(PODS, 'shop', 'a');
    expect(seen).toEqual(['ADDED a', 'DELETED a']);
  });
});

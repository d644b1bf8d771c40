import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from './server.ts';
import { namespace, pod, readWatch, type ReceivedEvent } from './test-fixtures.ts';

let sim: KubeSim;
const summary = (events: ReceivedEvent[]) => events.map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`.trim());

beforeEach(async () => {
  sim = await startKubeSim({ seed: [namespace('shop'), pod('shop', 'a', { app: 'web' })], historySize: 10, bookmarkIntervalMs: 50 });
});
afterEach(() => sim.close());

describe('watch', () => {
  it('starts with the current state as ADDED when no resourceVersion is given, then streams changes', async () => {
    const events = readWatch(`${sim.url}/api/v1/namespaces/shop/pods?watch=true`, {}, (e) => e.length === 4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sim.store.create(pod('shop', 'b'));
    sim.store.update({ ...pod('shop', 'b'), status: { phase: 'Succeeded' } });
    sim.store.delete(pod('shop', 'a'));
    const received = await events;
    expect(summary(received)).toEqual(['ADDED a', 'ADDED b', 'MODIFIED b', 'DELETED a']);
    expect(received[0]?.object.kind).toBe('Pod');
  });

  it('streams only the changes after a resourceVersion, and ends at timeoutSeconds', async () => {
    const from = sim.store.resourceVersion;
    sim.store.create(pod('shop', 'b'));
    const started = Date.now();
    const received = await readWatch(`${sim.url}/api/v1/pods?watch=1&resourceVersion=${from}&timeoutSeconds=1`);
    expect(summary(received)).toEqual(['ADDED b']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('turns label changes into ADDED and DELETED for a filtered watch', async () => {
    const from = sim.store.resourceVersion;
    const url = `${sim.url}/api/v1/pods?watch=1&labelSelector=app%3Dweb&resourceVersion=${from}`;
    const events = readWatch(url, {}, (e) => e.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sim.store.update(pod('shop', 'a', { app: 'other' }));
    sim.store.update(pod('shop', 'a', { app: 'web' }));
    expect(summary(await events)).toEqual(['DELETED a', 'ADDED a']);
  });

  it('sends bookmarks carrying only the resourceVersion when allowed', async () => {
    const url = `${sim.url}/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=${sim.store.resourceVersion}`;
    const [bookmark] = await readWatch(url, {}, (e) => e.length >= 1);
    expect(bookmark).toEqual({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: sim.store.resourceVersion } } });
  });

  it('answers a too-old resourceVersion with an ERROR event carrying a 410 Expired Status', async () => {
    sim.store.create(pod('shop', 'b'));
    sim.faults.compact();
    const received = await readWatch(`${sim.url}/api/v1/pods?watch=1&resourceVersion=1`);
    expect(received).toEqual([{ type: 'ERROR', object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }) }]);
    expect(received[0]?.object).toMatchObject({ message: expect.stringMatching(/^too old resource version: 1 \(\d+\)$/) });
  });

  it('answers a list with a too-old continue token with HTTP 410', async () => {
    sim.store.create(pod('shop', 'b'));
    const first = (await (await fetch(`${sim.url}/api/v1/pods?limit=1`)).json()) as { metadata: { continue: string } };
    sim.store.create(pod('shop', 'c'));
    sim.faults.compact();
    const response = await fetch(`${sim.url}/api/v1/pods?limit=1&continue=${first.metadata.continue}`);
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ reason: 'Expired', code: 410 });
  });

  it('ends every open watch when the faults drop them', async () => {
    const events = readWatch(`${sim.url}/api/v1/pods?watch=1`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sim.faults.dropWatches();
    expect(summary(await events)).toEqual(['ADDED a']);
  });
});

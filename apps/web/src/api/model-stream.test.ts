import { QueryClient } from '@tanstack/react-query';
import type { VersionedTopology } from '@netmap/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionStore, type ConnectionStore } from './connection.ts';
import type { ModelChange } from './model-changes.ts';
import { startModelStream, type ModelStream } from './model-stream.ts';
import { MODEL_KEY } from './query-keys.ts';
import { fakeEventSources } from './test-support/fake-event-source.ts';
import { patchOf, topologyOf } from './test-support/topologies.ts';

let queryClient: QueryClient;
let eventSources: ReturnType<typeof fakeEventSources>;
let connection: ConnectionStore;
let stream: ModelStream;

const cachedModel = () => queryClient.getQueryData<VersionedTopology>(MODEL_KEY);
const namespacesOf = (model: VersionedTopology | undefined) => Object.keys(model?.nodes ?? {}).sort();

beforeEach(() => {
  queryClient = new QueryClient();
  eventSources = fakeEventSources();
  connection = createConnectionStore();
  stream = startModelStream(queryClient, { createEventSource: eventSources.create, connection });
});

afterEach(() => {
  stream.stop();
  vi.useRealTimers();
});

describe('startModelStream', () => {
  it('opens the stream at the API path and fills the cache from the snapshot', () => {
    expect(eventSources.latest.url).toBe('/api/v1/stream');
    expect(cachedModel()).toBeUndefined();
    eventSources.latest.open();
    eventSources.latest.send('snapshot', topologyOf('e1', 4, ['shop']));
    expect(cachedModel()).toMatchObject({ epoch: 'e1', version: 4 });
    expect(namespacesOf(cachedModel())).toEqual(['namespace:shop']);
    expect(connection.getSnapshot().state).toBe('live');
  });

  it('applies patches in order', () => {
    eventSources.latest.send('snapshot', topologyOf('e1', 4, ['shop']));
    eventSources.latest.send('patch', patchOf('e1', 4, { added: ['billing'] }));
    eventSources.latest.send('patch', patchOf('e1', 5, { added: ['ops'], removed: ['shop'] }));
    expect(cachedModel()?.version).toBe(6);
    expect(namespacesOf(cachedModel())).toEqual(['namespace:billing', 'namespace:ops']);
    expect(eventSources.sources).toHaveLength(1);
  });

  it.each([
    ['a gap in versions', patchOf('e1', 6, { added: ['late'] })],
    ['another epoch', patchOf('e2', 4, { added: ['restarted'] })],
  ])('starts a fresh stream on a patch after %s, and the next snapshot replaces the model', (_, patch) => {
    const first = eventSources.latest;
    first.send('snapshot', topologyOf('e1', 4, ['shop']));
    first.send('patch', patch);
    expect(first.isClosed).toBe(true);
    expect(eventSources.sources).toHaveLength(2);
    // The model stays on screen until the snapshot comes.
    expect(cachedModel()?.version).toBe(4);
    eventSources.latest.send('snapshot', topologyOf('e2', 9, ['billing']));
    expect(cachedModel()).toMatchObject({ epoch: 'e2', version: 9 });
    expect(namespacesOf(cachedModel())).toEqual(['namespace:billing']);
  });

  it('starts a fresh stream on a patch that comes before any snapshot', () => {
    eventSources.latest.send('patch', patchOf('e1', 4, { added: ['shop'] }));
    expect(eventSources.sources).toHaveLength(2);
    expect(cachedModel()).toBeUndefined();
  });

  it('ignores what a replaced stream still sends', () => {
    const first = eventSources.latest;
    first.send('snapshot', topologyOf('e1', 4, ['shop']));
    first.send('patch', patchOf('e1', 7, {}));
    first.send('snapshot', topologyOf('e1', 1, ['old']));
    expect(cachedModel()?.version).toBe(4);
  });

  it('reports the ids each patch changed', () => {
    const changes: ModelChange[] = [];
    stream.onChange((change) => changes.push(change));
    eventSources.latest.send('snapshot', topologyOf('e1', 4, ['shop']));
    const patch = patchOf('e1', 4, { added: ['billing'], removed: ['shop'] });
    patch.removals.flows.push('allowed:a>b');
    patch.upserts.findings['no-policy:billing'] = {
      id: 'no-policy:billing',
      severity: 'medium',
      objects: ['Namespace billing'],
      message: 'no NetworkPolicy selects the pods of billing',
    };
    eventSources.latest.send('patch', patch);
    expect(changes).toEqual([
      {
        nodes: ['namespace:billing', 'namespace:shop'],
        flows: ['allowed:a>b'],
        findings: ['no-policy:billing'],
      },
    ]);
  });

  it('reports what a replacing snapshot changed, but not the first snapshot nor an empty patch', () => {
    const changes: ModelChange[] = [];
    stream.onChange((change) => changes.push(change));
    eventSources.latest.send('snapshot', topologyOf('e1', 4, ['shop', 'ops']));
    eventSources.latest.send('patch', patchOf('e1', 4, {}));
    eventSources.latest.send('patch', patchOf('e1', 9, {}));
    eventSources.latest.send('snapshot', topologyOf('e1', 10, ['shop', 'billing']));
    expect(changes).toEqual([{ nodes: ['namespace:billing', 'namespace:ops'], flows: [], findings: [] }]);
  });

  it('leaves a dropped stream to the browser, which resumes it', () => {
    eventSources.latest.open();
    eventSources.latest.send('snapshot', topologyOf('e1', 4, ['shop']));
    eventSources.latest.fail('dropped');
    expect(connection.getSnapshot().state).toBe('reconnecting');
    expect(eventSources.latest.isClosed).toBe(false);
    eventSources.latest.open();
    eventSources.latest.send('patch', patchOf('e1', 4, { added: ['billing'] }));
    expect(eventSources.sources).toHaveLength(1);
    expect(cachedModel()?.version).toBe(5);
    expect(connection.getSnapshot().state).toBe('live');
  });

  it('opens a new stream, after a wait, when the server refused one', () => {
    vi.useFakeTimers();
    eventSources.latest.fail('refused');
    expect(eventSources.sources).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(eventSources.sources).toHaveLength(2);
    eventSources.latest.fail('refused');
    vi.advanceTimersByTime(1000);
    expect(eventSources.sources).toHaveLength(2);
    vi.advanceTimersByTime(1000);
    expect(eventSources.sources).toHaveLength(3);
  });

  it('treats a snapshot that is not a topology as a failed stream', () => {
    vi.useFakeTimers();
    eventSources.latest.send('snapshot', '{"epoch": 1');
    expect(cachedModel()).toBeUndefined();
    expect(eventSources.latest.isClosed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(eventSources.sources).toHaveLength(2);
  });

  it('stop() closes the stream and changes nothing afterwards', () => {
    const changes: ModelChange[] = [];
    stream.onChange((change) => changes.push(change));
    const source = eventSources.latest;
    source.send('snapshot', topologyOf('e1', 4, ['shop']));
    stream.stop();
    expect(source.isClosed).toBe(true);
    source.send('patch', patchOf('e1', 4, { added: ['billing'] }));
    expect(cachedModel()?.version).toBe(4);
    expect(changes).toEqual([]);
  });

  it('stop() cancels a pending retry', () => {
    vi.useFakeTimers();
    eventSources.latest.fail('refused');
    stream.stop();
    vi.advanceTimersByTime(60_000);
    expect(eventSources.sources).toHaveLength(1);
  });
});

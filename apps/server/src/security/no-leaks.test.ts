import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubeSim, type KubeSim } from '@netmap/kube-sim';
import type { KubeObject } from '@netmap/model';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { ModelHub } from '../hub/model-hub.ts';
import type { ObjectSource } from '../sources/object-source.ts';
import { createClusterSource } from '../sources/cluster-source.ts';
import { writeKubeconfig } from '../sources/cluster-test-kit.ts';
import { ManifestsSource } from '../sources/manifests-source.ts';
import {
  FORBIDDEN_KEYS,
  LEAK_MARK,
  keysIn,
  secretAndConfigMap,
  sensitiveObjects,
} from './sensitive-objects.ts';

// Whatever the source holds, the browser gets only what the views need: no env, args, command,
// volumes, last-applied annotations, nor anything from Secrets or ConfigMaps, on any route.

interface Served {
  app: FastifyInstance;
  url: string;
  hub: ModelHub;
  source: ObjectSource;
}

async function serveFrom(source: ObjectSource): Promise<Served> {
  const hub = new ModelHub(source, { coalesceMs: 10 });
  const app = buildApp({ source: hub });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  await source.start((event) => hub.receive(event));
  await vi.waitFor(() => expect(hub.topology).toBeDefined(), { timeout: 5000, interval: 20 });
  return { app, url, hub, source };
}

/** Every JSON route, for every node and every policy of the model. */
async function everyAnswer(url: string): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${url}${path}`);
    const text = await response.text();
    answers.set(`${response.status} ${path}`, text);
    return path === '/metrics' ? text : JSON.parse(text);
  };
  const model = (await get('/api/v1/model')) as { nodes: Record<string, { kind: string }> };
  const ids = Object.keys(model.nodes);
  expect(ids.length).toBeGreaterThan(5);
  const policies = new Set<string>();
  for (const id of ids) {
    const details = (await get(`/api/v1/objects/${encodeURIComponent(id)}`)) as {
      policies?: unknown;
    };
    if (id.startsWith('namespace:'))
      for (const name of (details.policies as string[]) ?? []) policies.add(name);
  }
  expect(policies.size).toBeGreaterThan(0);
  for (const policy of policies) await get(`/api/v1/policies/${policy}`);
  await get('/api/v1/policies');
  // A what-if answers with flows and findings too: deleting a policy of the vault namespace.
  const deleted = [...policies].find((policy) => policy.startsWith('vault/'));
  const whatIf = await fetch(`${url}/api/v1/what-if`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ delete: [deleted] }),
  });
  expect(whatIf.status).toBe(200);
  answers.set(`${whatIf.status} POST /api/v1/what-if`, await whatIf.text());
  const pod = ids.find((id) => id.startsWith('pod:vault/'))!.slice('pod:'.length);
  for (const path of [
    '/api/v1/flows',
    '/api/v1/findings',
    '/api/v1/status',
    '/api/v1/matrix?port=8080',
    `/api/v1/who-can-reach?target=${pod}`,
    `/api/v1/reachable-from?source=${pod}`,
    `/api/v1/can?from=${pod}&to=${pod}&port=8080`,
    '/api/v1/model/flows?from=namespace:vault&to=namespace:vault',
    '/metrics',
  ])
    await get(path);
  return answers;
}

function expectNoLeak(answers: Map<string, string>): void {
  for (const [route, body] of answers) {
    expect({ route, leaks: body.includes(LEAK_MARK) }).toEqual({ route, leaks: false });
    if (!route.includes('/metrics')) {
      const keys = keysIn(JSON.parse(body));
      expect({ route, keys: FORBIDDEN_KEYS.filter((key) => keys.has(key)) }).toEqual({ route, keys: [] });
    }
  }
  // Every route answered, and no answer was an error of the server's.
  expect([...answers.keys()].filter((route) => !route.startsWith('200 '))).toEqual([]);
}

/** The first `event:` block of a stream, and one more once `change` has run. */
async function streamEvents(url: string, change: () => void): Promise<string> {
  const controller = new AbortController();
  const reader = (await fetch(`${url}/api/v1/stream`, { signal: controller.signal })).body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const readUntil = async (count: number) => {
    while ((text.match(/^event: /gm) ?? []).length < count)
      text += decoder.decode((await reader.read()).value);
  };
  await readUntil(1);
  change();
  await readUntil(2);
  controller.abort();
  return text;
}

describe('a live cluster whose objects carry secrets', () => {
  let sim: KubeSim;
  let served: Served;

  beforeAll(async () => {
    sim = await startKubeSim({ token: 't', seed: sensitiveObjects() });
    const kubeconfig = writeKubeconfig([{ name: 'sim', server: sim.url, token: 't' }]);
    served = await serveFrom(createClusterSource({ kubeconfig }));
  });
  afterAll(async () => {
    await served.app.close();
    await served.source.stop();
    await sim.close();
  });

  it('sends none of them on any route, for any node or policy', async () => {
    expectNoLeak(await everyAnswer(served.url));
  });

  it('sends none of them in the stream: snapshot, and a patch adding a pod with secrets', async () => {
    const pod = sensitiveObjects().find((o) => o.kind === 'Pod')!;
    const text = await streamEvents(served.url, () =>
      sim.store.create({
        ...pod,
        metadata: { ...pod.metadata, name: 'api-1' },
        status: { phase: 'Running', podIP: '10.9.0.6' },
      } as KubeObject),
    );
    expect(text).toMatch(/^event: snapshot\n[\s\S]*\n\nevent: patch\n[\s\S]*pod:vault\/api-1/);
    expect(text).not.toContain(LEAK_MARK);
    for (const key of FORBIDDEN_KEYS) expect(text).not.toContain(`"${key}":`);
  });
});

describe('manifests with secrets, a Secret and a ConfigMap', () => {
  let served: Served;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmap-leaks-'));
    const objects = [...sensitiveObjects(), ...secretAndConfigMap()];
    writeFileSync(join(dir, 'all.yaml'), objects.map((o) => stringify(o)).join('---\n'));
    served = await serveFrom(new ManifestsSource([dir]));
  });
  afterAll(() => served.app.close());

  it('sends none of them on any route, for any node or policy', async () => {
    expectNoLeak(await everyAnswer(served.url));
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManifestsSource } from './manifests-source.ts';
import type { SourceEvent } from './object-source.ts';

const pod = (name: string, app = name) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: shop, labels: { app: ${app} } }
spec: { containers: [ { name: main } ] }
`;

const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: shop }
spec: { podSelector: {} }
`;

let source: ManifestsSource | undefined;
afterEach(() => source?.stop());

async function started(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'netmap-watch-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const events: SourceEvent[] = [];
  source = new ManifestsSource([dir], { watch: true, debounceMs: 50 });
  await source.start((event) => events.push(event));
  const lines = () =>
    events.map((e) =>
      'object' in e
        ? `${e.type} ${e.object.kind}/${e.object.metadata?.name}`
        : e.type === 'problem'
          ? `problem ${e.message}`
          : e.type,
    );
  const settle = async (count: number) => {
    for (let waited = 0; events.length < count && waited < 5000; waited += 25)
      await new Promise((resolve) => setTimeout(resolve, 25));
  };
  return { dir, events, lines, settle };
}

describe('manifests on disk', () => {
  it('emits every object, then synced', async () => {
    const { lines } = await started({ 'a.yaml': pod('web'), 'b.yaml': policy });
    expect(lines()).toEqual(['upsert Pod/web', 'upsert NetworkPolicy/deny', 'synced']);
  });

  it('emits what changed when a file changes, is added or is removed', async () => {
    const { dir, lines, settle } = await started({ 'a.yaml': `${pod('web')}---\n${pod('db')}` });
    await writeFile(join(dir, 'a.yaml'), `${pod('web', 'frontend')}`);
    await settle(5);
    expect(lines().slice(3)).toEqual(['delete Pod/db', 'upsert Pod/web']);
    await writeFile(join(dir, 'b.yaml'), policy);
    await settle(6);
    expect(lines()[5]).toBe('upsert NetworkPolicy/deny');
    await rm(join(dir, 'b.yaml'));
    await settle(7);
    expect(lines()[6]).toBe('delete NetworkPolicy/deny');
  });

  it('reports a file that no longer parses and keeps the last good reading', async () => {
    const { dir, lines, settle } = await started({ 'a.yaml': pod('web') });
    await writeFile(join(dir, 'a.yaml'), 'kind: Pod\nmetadata: [unclosed\n');
    await settle(3);
    expect(lines()[2]).toMatch(/^problem .*a\.yaml:\d+: .*\(the last good reading stays\)$/);
    await writeFile(join(dir, 'a.yaml'), pod('web'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines()).toHaveLength(3);
  });
});

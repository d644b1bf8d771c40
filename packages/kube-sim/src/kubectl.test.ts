import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from './server.ts';
import { eventually, namespace, pod } from './test-fixtures.ts';

// Fidelity with the real kubectl: it runs wherever kubectl is installed, and says so loudly when not.
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl)
  process.stderr.write(
    `\n*** kube-sim: kubectl fidelity tests SKIPPED: no kubectl at ${KUBECTL} (set KUBECTL) ***\n\n`,
  );

let sim: KubeSim;
let dir: string;
const run = promisify(execFile);
const kubectl = async (...args: string[]) =>
  (await run(KUBECTL, ['--server', sim.url, ...args], { timeout: 10_000 })).stdout;

describe.skipIf(!hasKubectl)('kubectl against kube-sim', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sim-'));
    sim = await startKubeSim({
      seed: [
        namespace('shop'),
        pod('shop', 'web-1', { app: 'web' }),
        pod('kube-system', 'coredns-1', { k8s: 'dns' }),
      ],
    });
  });
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gets pods of every namespace, and namespaces', async () => {
    const pods = await kubectl('get', 'pods', '-A');
    expect(pods).toMatch(/^NAMESPACE\s+NAME\s/);
    expect(pods).toMatch(/kube-system\s+coredns-1\s/);
    expect(pods).toMatch(/shop\s+web-1\s/);
    expect(await kubectl('get', 'ns')).toMatch(/kube-system[\s\S]*shop/);
  });

  it('prints pods as JSON, and says NotFound for a missing one', async () => {
    const list = JSON.parse(await kubectl('get', 'pods', '-n', 'shop', '-o', 'json')) as {
      kind: string;
      items: { kind: string }[];
    };
    expect(list.kind).toBe('List');
    expect(list.items).toEqual([
      expect.objectContaining({ kind: 'Pod', metadata: expect.objectContaining({ name: 'web-1' }) }),
    ]);
    await expect(kubectl('get', 'pod', 'nope', '-n', 'shop')).rejects.toThrow(
      /NotFound.*pods "nope" not found/,
    );
  });

  it('creates from a file, labels and deletes a pod', async () => {
    const file = join(dir, 'api.json');
    await writeFile(file, JSON.stringify(pod('shop', 'api-1', { app: 'api' })));
    expect(await kubectl('create', '--validate=false', '-f', file)).toContain('pod/api-1 created');
    expect(await kubectl('label', 'pod', 'api-1', '-n', 'shop', 'tier=back')).toContain('pod/api-1 labeled');
    const labelled = sim.store.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'api-1' });
    expect(labelled.metadata?.labels).toEqual({ app: 'api', tier: 'back' });
    expect(await kubectl('delete', 'pod', 'api-1', '-n', 'shop')).toContain('pod "api-1" deleted');
    expect(
      sim.store.find({ apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'api-1' }),
    ).toBeUndefined();
  });

  it('refuses kubectl without credentials it accepts (kubectl sends no bearer token over plain HTTP)', async () => {
    const guarded = await startKubeSim({ token: 'kubectl-token' });
    try {
      const args = ['--server', guarded.url, '--token', 'kubectl-token', 'get', 'ns'];
      await expect(run(KUBECTL, args, { timeout: 10_000 })).rejects.toThrow(
        /provide credentials|Unauthorized/,
      );
    } finally {
      await guarded.close();
    }
  });

  it('watches pods and prints one that the store creates', async () => {
    const child = spawn(KUBECTL, ['--server', sim.url, 'get', 'pods', '-n', 'shop', '-w']);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await eventually(() => expect(output).toContain('web-1'));
      sim.store.create(pod('shop', 'late-1'));
      await eventually(() => expect(output).toContain('late-1'));
    } finally {
      if (child.pid !== undefined) process.kill(child.pid);
    }
  });
});

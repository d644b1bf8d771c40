import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESOURCE_TYPES, startKubeSim, type KubeSim } from '@netmap/kube-sim';
import type { KubeObject } from '@netmap/model';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serve } from '../cli/commands/serve.ts';
import { freePort } from '../free-port.ts';
import {
  hasKubectl,
  hasOpenssl,
  kubectl,
  makeCertificate,
  only,
  OVERLAYS,
  renderOverlay,
  serviceAccountDir,
  startTlsProxy,
} from './deploy-kit.ts';

// Each overlay is created in the simulator with the real kubectl, then netmap runs as its
// Deployment says, configured as in a pod: KUBERNETES_SERVICE_HOST/PORT, and the service
// account's token and CA from a folder. The simulator speaks plain HTTP, so a TLS front with a
// certificate made for the test stands where the API server's would: nothing in netmap is relaxed.

const TOKEN = 'service-account-token-of-netmap';
const served = new Set(RESOURCE_TYPES.map((type) => type.kind));

let dir: string;
let certificate: ReturnType<typeof makeCertificate>;

beforeAll(() => {
  if (!hasKubectl || !hasOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'netmap-in-cluster-'));
  certificate = makeCertificate(dir);
});

const dnsPod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'coredns-1', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
  spec: { containers: [{ name: 'coredns', ports: [{ containerPort: 53, protocol: 'UDP' }] }] },
  status: { phase: 'Running', podIP: '10.0.0.10' },
};

describe.skipIf(!hasKubectl || !hasOpenssl).each(OVERLAYS)('the %s overlay in a cluster', (overlay) => {
  let sim: KubeSim;
  let proxy: Awaited<ReturnType<typeof startTlsProxy>>;
  let objects: KubeObject[];
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    sim = await startKubeSim({
      token: TOKEN,
      seed: [dnsPod, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }],
    });
    proxy = await startTlsProxy(sim.url, certificate);
    objects = await renderOverlay(overlay);
  });

  afterAll(async () => {
    await app?.close();
    await proxy.close();
    await sim.close();
  });

  it('is created by kubectl, every object of a kind the simulator serves', async () => {
    const creatable = objects.filter((o) => served.has(o.kind ?? ''));
    // The rest is RBAC and the service account, which the simulator does not serve (rbac.test.ts checks them).
    const rest = new Set(objects.filter((o) => !served.has(o.kind ?? '')).map((o) => o.kind));
    expect([...rest].sort()).toEqual(
      overlay === 'cluster-wide'
        ? ['ClusterRole', 'ClusterRoleBinding', 'ServiceAccount']
        : ['Role', 'RoleBinding', 'ServiceAccount'],
    );
    const file = join(dir, `${overlay}.yaml`);
    writeFileSync(file, creatable.map((o) => stringify(o)).join('---\n'));
    const server = `https://127.0.0.1:${proxy.port}`;
    const output = await kubectl([
      '--server',
      server,
      '--certificate-authority',
      certificate.certFile,
      '--token',
      TOKEN,
      'create',
      '--validate=false',
      '-f',
      file,
    ]);
    for (const object of creatable) expect(output).toContain(`/${object.metadata!.name} created`);
    const created = sim.store.get({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'netmap',
      name: 'netmap',
    });
    expect(created.spec).toEqual(only(objects, 'Deployment').spec);
  });

  it('runs netmap as the Deployment says, in-cluster, and it syncs and checks its own policy', async () => {
    const deployment = only(objects, 'Deployment') as {
      spec: { template: { spec: { containers: { args: string[] }[] } } };
    };
    // The Deployment's own arguments, but on loopback and a free port here.
    const args = deployment.spec.template.spec.containers[0]!.args.filter((a) => !/^--(host|port)=/.test(a));
    expect(args[0]).toBe('serve');
    const env = {
      KUBERNETES_SERVICE_HOST: '127.0.0.1',
      KUBERNETES_SERVICE_PORT: String(proxy.port),
      NETMAP_SERVICE_ACCOUNT_DIR: serviceAccountDir(TOKEN, certificate.certFile),
    };
    const err: string[] = [];
    const io = { out: () => {}, err: (text: string) => void err.push(text) };
    const running = await serve([...args.slice(1), '--host=127.0.0.1', `--port=${await freePort()}`], io, {
      env,
      homeDir: mkdtempSync(join(tmpdir(), 'netmap-home-')),
      logStream: { write: () => {} },
    });
    app = running!.app;
    expect(err.join('')).toContain(`context "in-cluster" (https://127.0.0.1:${proxy.port})`);
    await vi.waitFor(async () => expect((await fetch(`${running!.url}/readyz`)).status).toBe(200), {
      timeout: 10_000,
      interval: 50,
    });
    const status = (await (await fetch(`${running!.url}/api/v1/status`)).json()) as {
      source: { kind: string; problems: object };
    };
    expect(status.source).toMatchObject({ kind: 'cluster', problems: {} });
    const model = (await (await fetch(`${running!.url}/api/v1/model`)).json()) as {
      nodes: Record<string, unknown>;
    };
    expect(Object.keys(model.nodes)).toContain('workload:netmap/netmap[Deployment]');
    const can = async (query: string) =>
      ((await (await fetch(`${running!.url}/api/v1/can?${query}`)).json()) as { verdict: string }).verdict;
    expect(await can('from=netmap/netmap[Deployment]&to=kube-system/coredns-1&port=53&protocol=UDP')).toBe(
      'allowed',
    );
    expect(await can('from=kube-system/coredns-1&to=netmap/netmap[Deployment]&port=8080')).toBe('allowed');
    expect(await can('from=netmap/netmap[Deployment]&to=kube-system/coredns-1&port=8080')).toBe('denied');
  });
});

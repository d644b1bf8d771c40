import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.ts';

const ONLINE_SHOP = fileURLToPath(new URL('../../../examples/online-shop', import.meta.url));

// An admin console on a public load balancer with no policy, and Flannel (which enforces none).
const EXPOSED = `
apiVersion: v1
kind: Pod
metadata: { name: admin, namespace: ops, labels: { app: admin } }
spec: { containers: [ { name: c, ports: [ { name: http, containerPort: 8080 } ] } ] }
status: { phase: Running, podIP: 10.0.0.1 }
---
apiVersion: v1
kind: Service
metadata: { name: admin, namespace: ops }
spec: { type: LoadBalancer, selector: { app: admin }, ports: [ { port: 80, targetPort: http } ] }
`;
const FLANNEL = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: kube-flannel-ds, namespace: kube-flannel }
spec: { template: { spec: { containers: [ { name: kube-flannel, image: docker.io/flannel/flannel:v0.25.1 } ] } } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: ops }
spec: { podSelector: {} }
`;

let exposed: string;
let flannel: string;

beforeAll(async () => {
  exposed = await mkdtemp(join(tmpdir(), 'netmap-findings-'));
  await writeFile(join(exposed, 'cluster.yaml'), EXPOSED);
  flannel = await mkdtemp(join(tmpdir(), 'netmap-findings-'));
  await writeFile(join(flannel, 'cluster.yaml'), FLANNEL);
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

interface JsonFinding {
  id: string;
  severity: string;
  category: string;
  objects: string[];
}

describe('netmap findings', () => {
  it('lists the findings in JSON, highest severity first, and exits 0 when none is high', async () => {
    const { code, out, err } = await cli('findings', '--manifests', ONLINE_SHOP, '--format', 'json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const { findings } = JSON.parse(out) as { findings: JsonFinding[] };
    expect(findings).toContainEqual(
      expect.objectContaining({
        id: 'policy-selects-no-pod:shop/shipping',
        severity: 'medium',
        category: 'dead-policy',
        objects: ['NetworkPolicy shop/shipping'],
      }),
    );
    const ranks = findings.map((f) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it.each([
    [[], 1],
    [['--fail-on', 'critical'], 0],
    [['--fail-on', 'never'], 0],
  ])('exits with 1 on a high finding (options %j: %i)', async (options, expected) => {
    const { code, out } = await cli('findings', '--manifests', exposed, ...options);
    expect(code).toBe(expected);
    expect(out).toMatch(/^HIGH {5}exposure:Service:ops\/admin\n {9}Service ops\/admin \(LoadBalancer\)/m);
    expect(out).toContain('\n         fix: Add a NetworkPolicy');
  });

  it('fails on --fail-on medium where the default passes', async () => {
    expect((await cli('findings', '--manifests', ONLINE_SHOP, '--fail-on', 'medium')).code).toBe(1);
  });

  it('reports a network plugin that enforces no policy as critical', async () => {
    const { code, out } = await cli('findings', '--manifests', flannel, '--format', 'json');
    expect(code).toBe(1);
    const { findings } = JSON.parse(out) as { findings: JsonFinding[] };
    expect(findings[0]).toMatchObject({
      id: 'cni-not-enforcing',
      severity: 'critical',
      objects: ['DaemonSet kube-flannel/kube-flannel-ds'],
    });
  });

  it('lists only findings of --min-severity or above, and counts them', async () => {
    const { out } = await cli('findings', '--manifests', ONLINE_SHOP, '--min-severity', 'medium');
    expect(out).not.toMatch(/^(LOW|INFO) /m);
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 findings: 3 medium');
  });

  it('writes a Markdown table', async () => {
    const { out } = await cli('findings', '--manifests', exposed, '--format', 'md');
    expect(out.split('\n')[0]).toBe('| Severity | Finding | Objects | What | Fix |');
    expect(out).toContain('| high | `exposure:Service:ops/admin` | Service ops/admin |');
  });

  it.each([
    [['--fail-on', 'severe'], /--fail-on must be one of critical, high, medium, low, info, never/],
    [['--min-severity', 'never'], /--min-severity must be one of critical, high, medium, low, info$/m],
    [['--format', 'csv'], /--format must be one of text, json, md/],
  ])('rejects %j with exit code 2', async (options, message) => {
    const { code, err, out } = await cli('findings', '--manifests', exposed, ...options);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('explains its exit codes in its help', async () => {
    const { code, out } = await cli('findings', '--help');
    expect(code).toBe(0);
    expect(out).toContain('Exit codes: 0 no finding of --fail-on severity or above; 1 some');
  });
});

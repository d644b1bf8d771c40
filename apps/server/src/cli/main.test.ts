import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main.ts';

const CLUSTER = `
apiVersion: v1
kind: Namespace
metadata: { name: x, labels: { team: x } }
---
apiVersion: v1
kind: List
items:
  - { apiVersion: v1, kind: Pod, metadata: { name: a, namespace: x, labels: { pod: a } },
      spec: { containers: [ { name: c, ports: [ { name: http, containerPort: 80 } ] } ] },
      status: { phase: Running, podIP: 10.0.0.1 } }
  - { apiVersion: v1, kind: Pod, metadata: { name: b, namespace: x, labels: { pod: b } },
      spec: { containers: [ { name: c } ] }, status: { phase: Running, podIP: 10.0.0.2 } }
  - { apiVersion: v1, kind: Pod, metadata: { name: c, namespace: x, labels: { pod: c } },
      spec: { containers: [ { name: c } ] }, status: { phase: Running, podIP: 10.0.0.3 } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: a-from-b, namespace: x }
spec:
  podSelector: { matchLabels: { pod: a } }
  ingress:
    - from: [ { podSelector: { matchLabels: { pod: b } } } ]
      ports: [ { port: http } ]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: x }
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netmap-cli-'));
  await writeFile(join(dir, 'cluster.yaml'), CLUSTER);
  await writeFile(join(dir, 'broken.yml.txt'), 'not read: wrong extension');
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('netmap matrix', () => {
  it('prints the JSON contract: sorted pods and, per source, the sorted pods it can reach', async () => {
    const { code, out, err } = await cli(
      'matrix',
      '--manifests',
      dir,
      '--port',
      '80',
      '--protocol',
      'TCP',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      port: 80,
      protocol: 'TCP',
      pods: ['x/a', 'x/b', 'x/c'],
      allowed: { 'x/a': ['x/a', 'x/b', 'x/c'], 'x/b': ['x/a', 'x/b', 'x/c'], 'x/c': ['x/b', 'x/c'] },
    });
    expect(err).toContain('1 ConfigMap');
  });

  it('draws a text grid with . for allowed and X for denied', async () => {
    const { out } = await cli('matrix', '--manifests', dir, '--port', '80');
    expect(out).toMatch(/^x\/c\s+X\s+\.\s+\.$/m);
  });
});

describe('netmap flows', () => {
  it('lists flows between distinct workloads with merged ports', async () => {
    const { code, out } = await cli('flows', '--manifests', dir, '--format', 'json');
    expect(code).toBe(0);
    const flows = JSON.parse(out).flows as { from: string; to: string; ports: unknown }[];
    expect(flows).toContainEqual({ from: 'x/b[Pod]', to: 'x/a[Pod]', ports: ['TCP 80'] });
    expect(flows.find((f) => f.from === 'x/c[Pod]' && f.to === 'x/a[Pod]')).toBeUndefined();
    expect(flows).toContainEqual({ from: 'x/a[Pod]', to: 'x/b[Pod]', ports: 'all' });
  });

  it('writes CSV and Markdown tables', async () => {
    expect((await cli('flows', '--manifests', dir, '--format', 'csv')).out).toContain(
      'x/b[Pod],x/a[Pod],TCP 80,allowed',
    );
    expect((await cli('flows', '--manifests', dir, '--format', 'md')).out).toContain(
      '| x/b[Pod] | x/a[Pod] | TCP 80 | allowed |',
    );
  });
});

describe('netmap can and who-can-reach', () => {
  it('explains a denial with the policy and the peer that did not match', async () => {
    const { code, out } = await cli('can', 'x/c', 'x/a', '--port', '80', '--manifests', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^Denied: x\/c -> x\/a on TCP 80/);
    expect(out).toContain('policy x/a-from-b');
    expect(out).toContain('from[0] (podSelector {pod=b}) does not select x/c');
  });

  it('names the rule, peer and port that allow a connection in JSON', async () => {
    const { out } = await cli('can', 'x/b', 'x/a', '--port', '80', '--format', 'json', '--manifests', dir);
    const result = JSON.parse(out);
    expect(result.verdict).toBe('allowed');
    expect(result.connections[0].ingress.tiers[0].policies[0].rules[0]).toMatchObject({
      rule: 0,
      result: 'match',
      peer: 0,
      port: 0,
    });
  });

  it('lists who can reach a pod on a port', async () => {
    const { out } = await cli('who-can-reach', 'x/a', '--port', '80', '--format', 'json', '--manifests', dir);
    expect(JSON.parse(out).sources.map((s: { pod: string }) => s.pod)).toEqual(['x/a', 'x/b']);
  });
});

describe('bad usage and bad input exit with code 2 and one line on stderr', () => {
  it.each([
    [
      ['matrix', '--manifests', '/nonexistent/netmap', '--port', '80'],
      /nonexistent\/netmap: no such file or directory/,
    ],
    [['matrix', '--port', '80'], /--manifests PATH is required/],
    [['matrix', '--manifests', '.', '--port', '99999'], /not a port number/],
    [['matrix', '--manifests', '.', '--port', '80', '--protocol', 'ICMP'], /not TCP, UDP or SCTP/],
    [['flows', '--manifests', '.', '--format', 'xml'], /--format must be one of/],
    [['flows', '--manifests', '.', '--ipblock-matches-pods=maybe'], /must be true or false/],
    [['flows', '--bogus'], /Unknown option '--bogus'/],
    [['teleport'], /unknown command "teleport"/],
    [['serve', '--manifests', '/nonexistent/netmap'], /nonexistent\/netmap: no such file or directory/],
    [['serve', '--manifests', '.', '--port', '70000'], /not a port number/],
    [['serve', '--manifests', '.', '--demo-changes', '1'], /go with --demo/],
    [['serve', '--demo', '--demo-changes', 'soon'], /"soon" is not a number of seconds/],
    [['can', 'x/a', '--port', '80', '--manifests', '.'], /needs FROM and TO/],
  ])('%j', async (argv, message) => {
    const { code, err, out } = await cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('reports a query about a pod that does not exist', async () => {
    const { code, err } = await cli('can', 'x/a', 'x/zz', '--port', '80', '--manifests', dir);
    expect(code).toBe(2);
    expect(err).toContain('no pod x/zz');
  });

  it('names the file and line of a YAML syntax error', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'netmap-bad-'));
    await writeFile(join(bad, 'bad.yaml'), 'kind: Pod\nmetadata:\n  name: [unclosed\n');
    const { code, err } = await cli('flows', '--manifests', bad);
    expect(code).toBe(2);
    expect(err).toMatch(/bad\.yaml:\d+:/);
  });
});

describe('the built CLI', () => {
  it('keeps the matrix contract when run as `pnpm --silent netmap`', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const run = spawnSync(
      'pnpm',
      [
        '--silent',
        'netmap',
        'matrix',
        '--manifests',
        dir,
        '--port',
        '80',
        '--protocol',
        'TCP',
        '--format',
        'json',
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).allowed['x/c']).toEqual(['x/b', 'x/c']);
  });

  it('prints help for every command', async () => {
    for (const command of ['matrix', 'can', 'who-can-reach', 'flows', 'serve']) {
      const { code, out } = await cli(command, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: netmap ${command}`));
    }
  });
});

describe('findings on stderr', () => {
  it('tells what could not be evaluated, and only counts the other findings', async () => {
    const shop = fileURLToPath(new URL('../../examples/online-shop', import.meta.url));
    const { code, err } = await cli(
      'can',
      'shop/frontend[Deployment]',
      'svc/shop/cart',
      '--port',
      '7070',
      '--manifests',
      shop,
    );
    expect(code).toBe(0);
    expect(err).toMatch(/^netmap: \d+ more findings: see netmap findings\n$/);
  });
});

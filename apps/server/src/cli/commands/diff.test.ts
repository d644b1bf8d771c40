import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationDiff } from '@netmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.ts';

// A shop of two pods, isolated for ingress; the changes under review open or close paths to web.
const PODS = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [ { name: c, ports: [ { name: http, containerPort: 8080 } ] } ] }
status: { phase: Running, podIP: 10.0.0.1 }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: shop, labels: { app: client } }
spec: { containers: [ { name: c } ] }
status: { phase: Running, podIP: 10.0.0.2 }
`;
const DENY = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;
const CLIENT_TO_WEB = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: client-to-web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [ { from: [ { podSelector: { matchLabels: { app: client } } } ], ports: [ { port: 8080 } ] } ]
`;
const WORLD_TO_WEB = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: world-to-web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [ { from: [ { ipBlock: { cidr: 0.0.0.0/0 } } ], ports: [ { port: 8080 } ] } ]
`;

let root: string;

/** A folder of manifests, one file per document set. */
async function manifests(name: string, ...files: string[]): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  await Promise.all(files.map((content, i) => writeFile(join(dir, `${i}.yaml`), content)));
  return dir;
}

let base: string;
let opened: string;
let exposed: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'netmap-diff-'));
  base = await manifests('base', PODS, DENY);
  opened = await manifests('opened', PODS, DENY, CLIENT_TO_WEB);
  exposed = await manifests('exposed', PODS, DENY, WORLD_TO_WEB);
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('netmap diff', () => {
  it('prints the EvaluationDiff in JSON and exits 0 when nothing opens from outside', async () => {
    const { code, out, err } = await cli('diff', '--base', base, '--head', opened, '--format', 'json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const diff = JSON.parse(out) as EvaluationDiff;
    expect(diff.flows).toEqual({
      added: [{ from: 'shop/client[Pod]', to: 'shop/web[Pod]', ports: ['TCP 8080'] }],
      removed: [],
    });
    expect(diff.unknownFlows).toEqual({ added: [], removed: [] });
    expect(diff.addsExposure).toBe(false);
    expect(Object.keys(diff)).toEqual(['flows', 'unknownFlows', 'findings', 'addsExposure']);
  });

  it('reads the other way, the same flow is removed', async () => {
    const { out } = await cli('diff', '--base', opened, '--head', base, '--format', 'json');
    expect((JSON.parse(out) as EvaluationDiff).flows.removed).toEqual([
      { from: 'shop/client[Pod]', to: 'shop/web[Pod]', ports: ['TCP 8080'] },
    ]);
  });

  it('exits 1 when the change opens a path from outside, and says why on stderr', async () => {
    const { code, out, err } = await cli('diff', '--base', base, '--head', exposed);
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe('2 flows added, 0 removed; 0 findings new, 0 gone');
    expect(out).toMatch(/^\+ +0\.0\.0\.0-255\.255\.255\.255\[External\] +shop\/web\[Pod\] +TCP 8080$/m);
    expect(err).toBe(
      'netmap: the change opens something from outside the cluster:\n' +
        '  new flow 0.0.0.0-255.255.255.255[External] -> shop/web[Pod] (TCP 8080)\n',
    );
  });

  it('prints readable sections with counts', async () => {
    const { out } = await cli('diff', '--base', opened, '--head', await manifests('open', PODS));
    const lines = out.split('\n');
    expect(lines[0]).toBe('4 flows added, 0 removed; 3 findings new, 0 gone');
    expect(lines.slice(1, 4)).toEqual(['', 'Flows:', expect.stringMatching(/^ +FROM +TO +PORTS$/)]);
    expect(out).toMatch(/^\+ +shop\/web\[Pod\] +shop\/client\[Pod\] +all ports$/m);
    expect(out).toMatch(
      /^\+ +shop\/client\[Pod\] +shop\/web\[Pod\] +TCP 1-8079, TCP 8081-65535, UDP 1-65535, SCTP 1-65535$/m,
    );
    expect(out).toMatch(
      /^Findings:\n +SEVERITY +ID +MESSAGE\n\+ +medium +unprotected:ingress:shop\/client\[Pod\] /m,
    );
    expect(out).toMatch(/^\+ +low +no-default-deny:ingress:shop +namespace shop: /m);
  });

  it('marks removed flows and gone findings with -', async () => {
    const bare = await manifests('bare-text', PODS);
    const { code, out } = await cli('diff', '--base', bare, '--head', base);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('0 flows added, 4 removed; 0 findings new, 3 gone');
    expect(out).toMatch(/^- +0\.0\.0\.0-255\.255\.255\.255\[External\] +shop\/web\[Pod\] +all ports$/m);
    expect(out).toMatch(/^- +medium +unprotected:ingress:shop\/web\[Pod\] /m);
  });

  it('writes Markdown for a pull-request comment', async () => {
    const { out } = await cli('diff', '--base', base, '--head', exposed, '--format', 'md');
    expect(out.split('\n').slice(0, 7)).toEqual([
      '### netmap diff',
      '',
      '2 flows added, 0 removed; 0 findings new, 0 gone. **Opens something from outside the cluster.**',
      '',
      '|  | From | To | Ports |',
      '| --- | --- | --- | --- |',
      '| + | `0.0.0.0-255.255.255.255[External]` | `shop/web[Pod]` | TCP 8080 |',
    ]);
  });

  it('lists findings with their severity in Markdown', async () => {
    const { out } = await cli(
      'diff',
      '--base',
      base,
      '--head',
      await manifests('bare', PODS),
      '--format',
      'md',
    );
    expect(out).toContain('#### Findings\n\n|  | Severity | Finding | What |\n| --- | --- | --- | --- |\n');
    expect(out).toMatch(
      /^\| \+ \| medium \| `unprotected:ingress:shop\/web\[Pod\]` \| shop\/web\[Pod\]: no NetworkPolicy/m,
    );
  });

  it('finds nothing between the same manifests', async () => {
    const { code, out } = await cli('diff', '--base', base, '--head', base);
    expect(code).toBe(0);
    expect(out).toBe('0 flows added, 0 removed; 0 findings new, 0 gone\n');
  });

  it('reads several paths on each side', async () => {
    const policies = await manifests('policies', DENY, CLIENT_TO_WEB);
    const pods = await manifests('pods', PODS);
    const { code, out } = await cli('diff', '--base', base, '--head', pods, '--head', policies);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('1 flow added, 0 removed; 0 findings new, 0 gone');
  });

  it.each([
    [['--head', 'HEAD'], /--base PATH is required/],
    [['--base', 'BASE'], /--head PATH is required/],
    [['--base', 'BASE', '--head', 'HEAD', '--format', 'csv'], /--format must be one of text, json, md/],
    [['--base', 'BASE', '--head', 'HEAD', '--ipblock-matches-pods=maybe'], /must be true or false/],
    [['--base', 'BASE', '--head', 'HEAD', '--manifests', 'x'], /Unknown option '--manifests'/],
  ])('rejects %j with exit code 2', async (options, message) => {
    const args = options.map((arg) => (arg === 'BASE' ? base : arg === 'HEAD' ? opened : arg));
    const { code, out, err } = await cli('diff', ...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('exits 2 on manifests it cannot read', async () => {
    const broken = await manifests('broken', 'kind: [unclosed');
    const { code, err } = await cli('diff', '--base', base, '--head', broken);
    expect(code).toBe(2);
    expect(err).toMatch(/^netmap: /);
  });

  it('explains its exit codes in its help, and is listed in netmap --help', async () => {
    const { code, out } = await cli('diff', '--help');
    expect(code).toBe(0);
    expect(out).toContain('Exit codes: 0 the change opens nothing from outside the cluster; 1 it does');
    expect((await cli('--help')).out).toMatch(/^ {2}diff {12}what a change of manifests opens and closes/m);
  });
});

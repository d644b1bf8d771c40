import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ONLINE_SHOP } from '../../example-app.ts';
import { runCli } from '../main.ts';

// Flannel (which enforces no policy) beside one policy, and a Deployment behind a NodePort.
const FLANNEL_CLUSTER = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: kube-flannel-ds, namespace: kube-flannel }
spec: { template: { spec: { containers: [ { name: kube-flannel, image: docker.io/flannel/flannel:v0.25.1 } ] } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: team }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [ { name: web, ports: [ { containerPort: 8080 } ] } ] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: team }
spec: { type: NodePort, selector: { app: web }, ports: [ { port: 80, targetPort: 8080 } ] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: team }
spec: { podSelector: {}, policyTypes: [Egress] }
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netmap-report-'));
  await writeFile(join(dir, 'cluster.yaml'), FLANNEL_CLUSTER);
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('netmap report', () => {
  it('writes the HTML report to stdout by default', async () => {
    const { code, out, err } = await cli('report', '--manifests', ONLINE_SHOP);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain(`manifests: ${ONLINE_SHOP}`);
    expect(out).toContain('<h1>Network policy review</h1>');
    expect(out).toContain('policy-selects-no-pod:shop/<wbr>shipping');
  });

  it('writes Markdown with --format md, under the title given', async () => {
    const { code, out } = await cli(
      'report',
      '--manifests',
      ONLINE_SHOP,
      '--format',
      'md',
      '--title',
      'Shop review',
    );
    expect(code).toBe(0);
    expect(out.startsWith('# Shop review\n')).toBe(true);
    expect(out).toContain('## Policy inventory');
  });

  it('writes to --out, in the format its name asks for, and says where on stderr', async () => {
    const html = join(dir, 'report.html');
    const markdown = join(dir, 'report.md');
    const first = await cli('report', '--manifests', ONLINE_SHOP, '--out', html);
    expect(first).toMatchObject({ code: 0, out: '' });
    expect(first.err).toBe(`netmap: wrote the report (HTML) to ${html}\n`);
    expect(await readFile(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const second = await cli('report', '--manifests', ONLINE_SHOP, '--out', markdown);
    expect(second.err).toBe(`netmap: wrote the report (Markdown) to ${markdown}\n`);
    expect(await readFile(markdown, 'utf8')).toMatch(/^# Network policy review\n/);
  });

  it('names the network plugin from the DaemonSets, and its not enforcing is the first finding', async () => {
    const { out } = await cli('report', '--manifests', dir, '--format', 'md');
    expect(out).toContain('- **Network plugin:** Flannel (does not enforce NetworkPolicy)');
    expect(out.indexOf('### Critical (1)')).toBeLessThan(out.indexOf('### High'));
    expect(out).toContain('cni-not-enforcing');
    expect(out).toMatch(/\| Service team\/web \| Service team\/web \(NodePort\) takes TCP 80/);
  });

  it('follows --ipblock-matches-pods into the report', async () => {
    const { out } = await cli('report', '--manifests', dir, '--format', 'md', '--ipblock-matches-pods=false');
    expect(out).toContain('ipBlocks do not match pod IPs');
  });

  it.each([
    [['report'], /--manifests PATH is required/],
    [['report', '--manifests', ONLINE_SHOP, '--format', 'pdf'], /--format must be one of html, md/],
    [['report', '--manifests', ONLINE_SHOP, '--out', ''], /--out needs a file name/],
    [
      ['report', '--manifests', ONLINE_SHOP, '--out', '/nonexistent-dir/r.html'],
      /cannot write the report to \/nonexistent-dir\/r\.html/,
    ],
    [['report', '--manifests', ONLINE_SHOP, '--colour'], /Unknown option '--colour'/],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('explains itself with --help', async () => {
    const { code, out } = await cli('report', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: netmap report --manifests PATH/);
    expect((await cli('--help')).out).toMatch(/\n {2}report {10}a security review report/);
  });
});

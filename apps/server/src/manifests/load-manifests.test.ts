import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDump } from './generated-manifests.ts';
import { loadManifests } from './load-manifests.ts';
import { ManifestError } from './manifest-error.ts';
import { useTempFiles } from './temp-files.ts';

const writeFiles = useTempFiles();

const DEPLOY = `# the shop
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {color: blue}
---
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"env":"hunter2"}'
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        env: [{name: TOKEN, value: hunter2}]
        ports: [{containerPort: 80}]
`;

// What `kubectl get pods -o yaml` prints.
const KUBECTL_PODS = `apiVersion: v1
items:
- apiVersion: v1
  kind: Pod
  metadata:
    labels: {app: web}
    name: web-0
    namespace: shop
  spec:
    containers: [{name: web, command: [serve, --token=hunter2]}]
  status: {podIP: 10.0.0.5}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-1, namespace: shop}
kind: List
metadata:
  resourceVersion: ""
`;

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: hunter2}\n';

const names = (load: Awaited<ReturnType<typeof loadManifests>>) =>
  load.objects.map(
    ({ object, file, line }) => `${file.split('/').pop()}:${line} ${object.kind}/${object.metadata?.name}`,
  );

async function loadError(
  paths: string[],
  options?: Parameters<typeof loadManifests>[1],
): Promise<ManifestError> {
  const error = await loadManifests(paths, options).catch((caught: unknown) => caught);
  if (!(error instanceof ManifestError)) throw new Error(`expected a ManifestError, got ${String(error)}`);
  return error;
}

describe('loadManifests', () => {
  it('reads multi-document YAML with the line of each document, counting what it skips', async () => {
    const dir = await writeFiles({ 'deploy.yaml': DEPLOY });
    const load = await loadManifests([dir]);
    expect(names(load)).toEqual([
      'deploy.yaml:2 NetworkPolicy/default-deny',
      'deploy.yaml:16 Deployment/web',
    ]);
    expect(load.skipped).toEqual({ ConfigMap: 1 });
    expect(load.files).toEqual([join(dir, 'deploy.yaml')]);
  });

  it('strips sensitive fields at load', async () => {
    const dir = await writeFiles({ 'deploy.yaml': DEPLOY, 'pods.yaml': KUBECTL_PODS });
    const load = await loadManifests([dir]);
    expect(JSON.stringify(load)).not.toContain('hunter2');
    expect(load.objects[1]?.object.metadata?.annotations).toEqual({});
  });

  it('expands `kubectl get -o yaml` lists at the line of each item', async () => {
    const dir = await writeFiles({ 'pods.yaml': KUBECTL_PODS });
    const load = await loadManifests([join(dir, 'pods.yaml')]);
    expect(names(load)).toEqual(['pods.yaml:3 Pod/web-0', 'pods.yaml:12 Pod/web-1']);
    expect(load.objects[0]?.object.status).toEqual({ podIP: '10.0.0.5' });
    expect(load.skipped).toEqual({});
  });

  it('expands typed lists, naming items by the list kind', async () => {
    const podList = 'apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\n';
    const dir = await writeFiles({ 'pods.yml': podList });
    const load = await loadManifests([dir]);
    expect(names(load)).toEqual(['pods.yml:4 Pod/a', 'pods.yml:5 Pod/b']);
    expect(load.objects[0]?.object.apiVersion).toBe('v1');
  });

  it('reads JSON: a single object and a List', async () => {
    const policy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' } };
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [{ kind: 'Service', metadata: { name: 's' } }, policy],
    };
    const dir = await writeFiles({
      'a.json': JSON.stringify(policy),
      'b.json': JSON.stringify(list, null, 2),
    });
    const load = await loadManifests([dir]);
    expect(names(load)).toEqual([
      'a.json:1 NetworkPolicy/p',
      'b.json:5 Service/s',
      'b.json:11 NetworkPolicy/p',
    ]);
  });

  it('reads directories recursively in sorted order, files and directories given in order', async () => {
    const pod = (name: string) => `kind: Pod\nmetadata: {name: ${name}}\n`;
    const dir = await writeFiles({
      'base/b.yaml': pod('b'),
      'base/a/x.yml': pod('ax'),
      'base/.git/c.yaml': pod('hidden'),
      'base/node_modules/d.yaml': pod('dep'),
      'base/notes.txt': pod('txt'),
      'extra.yaml': pod('extra'),
    });
    const load = await loadManifests([join(dir, 'extra.yaml'), join(dir, 'base')]);
    expect(load.objects.map(({ object }) => object.metadata?.name)).toEqual(['extra', 'ax', 'b']);
    expect(load.files).toEqual([
      join(dir, 'base/a/x.yml'),
      join(dir, 'base/b.yaml'),
      join(dir, 'extra.yaml'),
    ]);
  });

  it('counts skipped kinds, Secrets, and documents that are not Kubernetes objects', async () => {
    const dir = await writeFiles({
      'a.yaml': `${SECRET}---\nkind: ConfigMap\n---\nkind: ConfigMap\n---\nkind: Kustomization\n`,
      'values.yaml': 'replicaCount: 3\nimage: {tag: v1}\n---\n- 1\n- just text\n',
    });
    const load = await loadManifests([dir]);
    expect(load.objects).toEqual([]);
    expect(load.skipped).toEqual({
      ConfigMap: 2,
      Kustomization: 1,
      Secret: 1,
      '(not a Kubernetes object)': 3,
    });
    expect(JSON.stringify(load)).not.toContain('hunter2');
  });

  it('handles a BOM, CRLF line endings, null documents and a top-level sequence', async () => {
    const dir = await writeFiles({
      'bom.yaml':
        '\uFEFFkind: Pod\r\nmetadata:\r\n  name: a\r\n---\r\nnull\r\n---\r\nkind: Pod\r\nmetadata: {name: b}\r\n',
      'seq.yaml': '- kind: Pod\n  metadata: {name: c}\n- kind: Service\n  metadata: {name: d}\n',
    });
    const load = await loadManifests([dir]);
    expect(names(load)).toEqual([
      'bom.yaml:1 Pod/a',
      'bom.yaml:7 Pod/b',
      'seq.yaml:1 Pod/c',
      'seq.yaml:3 Service/d',
    ]);
    expect(load.skipped).toEqual({});
  });

  it.each([
    ['Helm-rendered documents', 'documents'],
    ['a `kubectl get -o yaml` list', 'list'],
  ] as const)('reads a 5 MB dump of %s, every object at its line', async (_name, style) => {
    const dump = generateDump(5 * 1024 * 1024, style);
    const dir = await writeFiles({ 'dump.yaml': dump.text });
    const load = await loadManifests([dir]);
    const read = load.objects.map(({ object, line }) => ({
      kind: object.kind,
      name: object.metadata?.name,
      line,
    }));
    expect(read).toEqual(dump.objects);
    expect(read.length).toBeGreaterThan(style === 'list' ? 5_000 : 10_000);
    expect(load.skipped).toEqual(style === 'list' ? {} : { ConfigMap: dump.skipped });
    // A Helm group of documents is 77 lines long, a listed Pod 31.
    const expected =
      style === 'list'
        ? [
            { kind: 'Pod', name: 'web-1', line: 34 },
            { kind: 'Pod', name: 'web-3', line: 96 },
          ]
        : [
            { kind: 'Service', name: 'web-0', line: 3 },
            { kind: 'NetworkPolicy', name: 'allow-0', line: 27 },
            { kind: 'Pod', name: 'web-0', line: 45 },
            { kind: 'Service', name: 'web-1', line: 78 },
          ];
    expect(read).toEqual(expect.arrayContaining(expected));
  });

  it('returns nothing for no files', async () => {
    const dir = await writeFiles({ 'README.md': '# nothing here' });
    expect(await loadManifests([dir])).toEqual({ objects: [], skipped: {}, files: [] });
    expect(await loadManifests([])).toEqual({ objects: [], skipped: {}, files: [] });
  });
});

describe('loadManifests on bad input', () => {
  it('names a path that does not exist', async () => {
    const dir = await writeFiles({});
    const error = await loadError([join(dir, 'missing')]);
    expect(error.message).toBe(`${join(dir, 'missing')}: no such file or directory`);
  });

  it.each([
    ['a syntax error', 'kind: Pod\nmetadata: {name: a\n---\n', 3, /^Flow map .* end with a \}$/],
    ['JSON syntax', '{\n  "kind": "Pod",\n  "metadata": {"name": "a"},,\n}\n', 3, /Unexpected , in flow map/],
    [
      'a policy without name',
      'a: 1\n---\nkind: NetworkPolicy\nmetadata: {namespace: x}\n',
      3,
      /^NetworkPolicy without metadata\.name$/,
    ],
    [
      'a list item without name',
      'kind: List\nitems:\n- kind: Pod\n  metadata: {name: a}\n- kind: Pod\n',
      5,
      /^Pod without metadata$/,
    ],
  ])('locates %s by file and line', async (_name, source, line, reason) => {
    const dir = await writeFiles({ 'bad.yaml': source });
    const error = await loadError([dir]);
    const file = join(dir, 'bad.yaml');
    expect(error).toMatchObject({ file, line });
    expect(error.message.startsWith(`${file}:${line}: `)).toBe(true);
    expect(error.message.slice(`${file}:${line}: `.length)).toMatch(reason);
  });

  it('refuses a file over maxFileBytes, saying its size and the limit', async () => {
    const dir = await writeFiles({ 'big.yaml': `# ${'x'.repeat(2045)}\n` });
    const error = await loadError([dir], { maxFileBytes: 1024 });
    const file = join(dir, 'big.yaml');
    expect(error.message).toBe(`${file}: file is 2 KiB (2048 bytes), over the limit of 1 KiB (1024 bytes)`);
  });

  it('refuses more than maxDocuments documents over all files, list items included', async () => {
    const dir = await writeFiles({
      'a.yaml': 'kind: List\nitems: [{kind: X}, {kind: X}]\n',
      'b.yaml': '---\n---\nkind: X\n---\nkind: X\n',
    });
    expect((await loadManifests([dir], { maxDocuments: 5 })).skipped).toEqual({ X: 4 });
    const error = await loadError([dir], { maxDocuments: 4 });
    expect(error.message).toBe(`${join(dir, 'b.yaml')}:5: more than 4 documents in total (the limit)`);
  });

  it('stops a stream of empty documents at the default limit, fast', async () => {
    const dir = await writeFiles({ 'empty.yaml': '---\n'.repeat(200_001) });
    const started = performance.now();
    const error = await loadError([dir]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error.message).toMatch(/empty\.yaml:200001: more than 200000 documents in total/);
  });

  it('refuses a "billion laughs" alias bomb, fast', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [previous, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const dir = await writeFiles({
      'bomb.yaml': `kind: ConfigMap\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`,
    });
    const started = performance.now();
    const error = await loadError([dir]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toMatch(/bomb\.yaml:1: too many aliases/);
  });

  it('refuses nesting deeper than 100 levels', async () => {
    const dir = await writeFiles({
      'deep.json': `{"kind": "Pod", "spec": ${'['.repeat(200)}${']'.repeat(200)}}`,
    });
    expect((await loadError([dir])).message).toBe(`${join(dir, 'deep.json')}:1: nested too deeply`);
  });
});

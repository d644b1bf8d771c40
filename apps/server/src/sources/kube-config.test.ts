import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeKubeconfig } from './cluster-test-kit.ts';
import { loadClusterConfig } from './kube-config.ts';

const a = writeKubeconfig([{ name: 'a', server: 'https://a.example:6443', token: 'token-a' }]);
const bc = writeKubeconfig([
  { name: 'b', server: 'https://b.example:6443', token: 'token-b' },
  { name: 'c', server: 'http://127.0.0.1:8001', token: 'token-c' },
]);
const emptyHome = mkdtempSync(join(tmpdir(), 'netmap-home-'));
const noServiceAccount = join(emptyHome, 'no-service-account');
const server = (options: Parameters<typeof loadClusterConfig>[0]) =>
  loadClusterConfig({
    env: {},
    homeDir: emptyHome,
    serviceAccountDir: noServiceAccount,
    ...options,
  }).getCurrentCluster()?.server;

describe('loadClusterConfig', () => {
  it('reads an explicit --kubeconfig before KUBECONFIG', () => {
    expect(server({ kubeconfig: a, env: { KUBECONFIG: bc } })).toBe('https://a.example:6443');
  });

  it('merges the KUBECONFIG list like kubectl: the first current-context and the first definition of a name win', () => {
    const config = loadClusterConfig({
      env: { KUBECONFIG: [join(emptyHome, 'missing'), bc, a].join(delimiter) },
      homeDir: emptyHome,
    });
    expect(config.getContexts().map((c) => c.name)).toEqual(['b', 'c', 'a']);
    expect(config.getCurrentContext()).toBe('b');
  });

  it('falls back to ~/.kube/config, then to the in-cluster service account', () => {
    const home = mkdtempSync(join(tmpdir(), 'netmap-home-'));
    mkdirSync(join(home, '.kube'));
    const serviceAccount = mkdtempSync(join(tmpdir(), 'netmap-sa-'));
    writeFileSync(join(serviceAccount, 'token'), 'sa-token');
    const env = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' };
    writeFileSync(
      join(home, '.kube', 'config'),
      `apiVersion: v1\nkind: Config\ncurrent-context: h\nclusters: [{name: h, cluster: {server: 'https://home:6443'}}]\nusers: [{name: h, user: {token: t}}]\ncontexts: [{name: h, context: {cluster: h, user: h}}]\n`,
    );
    expect(server({ env, homeDir: home, serviceAccountDir: serviceAccount })).toBe('https://home:6443');
    expect(server({ env, serviceAccountDir: serviceAccount })).toBe('https://10.96.0.1:443');
  });

  it('selects a context with --context, and lets client-node reach plain-http servers like kubectl', () => {
    const config = loadClusterConfig({ kubeconfig: bc, context: 'c' });
    expect(config.getCurrentCluster()).toMatchObject({
      server: 'http://127.0.0.1:8001',
      skipTLSVerify: true,
    });
  });

  it('names the available contexts when --context does not exist', () => {
    expect(() => loadClusterConfig({ kubeconfig: bc, context: 'prod' })).toThrow(
      'context "prod" does not exist; available contexts: b, c',
    );
  });

  it('says what to do when nothing is configured', () => {
    expect(() => server({})).toThrow(/^no cluster configured: pass --kubeconfig, set KUBECONFIG/);
    expect(() => server({ kubeconfig: join(emptyHome, 'nope') })).toThrow(/does not exist/);
  });
});

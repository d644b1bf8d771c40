import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { KubeObject } from '@netmap/model';
import { parseAllDocuments } from 'yaml';

// Test helpers for the deployment artefacts: kubectl, rendered overlays, and a TLS front for the
// simulator so that netmap's in-cluster configuration (https, the pod's CA and token) is used as is.

/** The repository's deploy/ folder. */
export const DEPLOY_DIR = fileURLToPath(new URL('../../../../deploy/', import.meta.url));

/** The overlays users apply. */
export const OVERLAYS = ['cluster-wide', 'namespaced'] as const;

/** The real kubectl (Debian's kubernetes-client, or $KUBECTL). */
export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
export const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl)
  process.stderr.write(
    `\n*** netmap deployment: kubectl tests SKIPPED: no kubectl at ${KUBECTL} (set KUBECTL) ***\n\n`,
  );

/** openssl makes the test certificate of the TLS front (Debian's openssl, a dependency of ca-certificates). */
export const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    process.stderr.write('\n*** netmap deployment: in-cluster tests SKIPPED: no openssl on the PATH ***\n\n');
    return false;
  }
})();

const run = promisify(execFile);

/** kubectl with no kubeconfig of the user's and a home of its own (its cache goes there). */
export async function kubectl(args: string[]): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'netmap-kubectl-'));
  const env = { ...process.env, HOME: home, KUBECONFIG: join(home, 'none') };
  return (await run(KUBECTL, args, { env, timeout: 30_000 })).stdout;
}

/** `kubectl kustomize deploy/overlays/<name>`, as objects. */
export async function renderOverlay(name: string): Promise<KubeObject[]> {
  const yaml = await kubectl(['kustomize', join(DEPLOY_DIR, 'overlays', name)]);
  return parseAllDocuments(yaml).map((document) => document.toJS() as KubeObject);
}

/** The one object of a kind (and name) in rendered output. */
export function only(objects: readonly KubeObject[], kind: string, name?: string): KubeObject {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name ?? ''}, found ${found.length}`);
  return found[0]!;
}

/** A self-signed certificate for 127.0.0.1, made with openssl (it doubles as the CA). */
export function makeCertificate(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = join(dir, 'tls.key');
  const certFile = join(dir, 'tls.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=kube-sim',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

/** An HTTPS front that passes every request, watches included, through to the plain-HTTP simulator. */
export async function startTlsProxy(
  target: string,
  tls: { key: string; cert: string },
): Promise<{ port: number; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer(tls, (request, response) => {
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    response.on('close', () => forwarded.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A folder laid out as Kubernetes mounts a service account: token, ca.crt, namespace. */
export function serviceAccountDir(token: string, caFile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'netmap-serviceaccount-'));
  writeFileSync(join(dir, 'token'), token);
  writeFileSync(join(dir, 'ca.crt'), readFileSync(caFile));
  writeFileSync(join(dir, 'namespace'), 'netmap');
  return dir;
}

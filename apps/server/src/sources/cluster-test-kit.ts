import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '@netmap/model';
import type { KubeSim } from '@netmap/kube-sim';
import type { ObjectSource, SourceEvent } from './object-source.ts';
import { apiVersionOf, WATCHED_RESOURCES } from './watched-resources.ts';
import { vi } from 'vitest';

// Test helpers for the cluster source against kube-sim.

/** A temp kubeconfig file with one context per entry (the first is current). */
export function writeKubeconfig(
  contexts: { name: string; server: string; token: string }[],
  current = contexts[0]?.name,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'netmap-kubeconfig-'));
  const path = join(dir, 'config');
  const yaml = [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${current ?? '""'}`,
    'clusters:',
    ...contexts.flatMap((c) => [`- name: ${c.name}`, '  cluster:', `    server: ${c.server}`]),
    'users:',
    ...contexts.flatMap((c) => [`- name: ${c.name}`, '  user:', `    token: ${c.token}`]),
    'contexts:',
    ...contexts.flatMap((c) => [
      `- name: ${c.name}`,
      '  context:',
      `    cluster: ${c.name}`,
      `    user: ${c.name}`,
    ]),
  ].join('\n');
  writeFileSync(path, `${yaml}\n`);
  return path;
}

const keyOf = (o: KubeObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** Records a source's events and folds them into the view a consumer would hold. */
export class EventLog {
  readonly events: SourceEvent[] = [];
  readonly view = new Map<string, KubeObject>();

  readonly emit = (event: SourceEvent): void => {
    this.events.push(event);
    if (event.type === 'upsert') this.view.set(keyOf(event.object), event.object);
    if (event.type === 'delete') this.view.delete(keyOf(event.object));
  };

  /** Events of one type after index `from`. */
  of<T extends SourceEvent['type']>(type: T, from = 0): Extract<SourceEvent, { type: T }>[] {
    return this.events.slice(from).filter((e): e is Extract<SourceEvent, { type: T }> => e.type === type);
  }

  /** `upsert Pod shop/web` style lines after index `from`. */
  lines(from = 0): string[] {
    return this.events.slice(from).map((e) => ('object' in e ? `${e.type} ${keyOf(e.object)}` : e.type));
  }
}

/** Every object of the watched kinds in the simulator, keyed like `EventLog.view`. */
export function simObjects(sim: KubeSim): Map<string, KubeObject> {
  const objects = new Map<string, KubeObject>();
  for (const resource of WATCHED_RESOURCES) {
    for (const object of sim.store.list({ apiVersion: apiVersionOf(resource), kind: resource.kind }))
      objects.set(keyOf(object), object);
  }
  return objects;
}

/** Starts a source with a fresh event log. */
export async function startSource(source: ObjectSource): Promise<EventLog> {
  const log = new EventLog();
  await source.start(log.emit);
  return log;
}

/** Waits until `check` passes (retrying every 20 ms), or fails after `timeoutMs`. */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  await vi.waitFor(check, { timeout: timeoutMs, interval: 20 });
}

const meta = (namespace: string | undefined, name: string, labels: Record<string, string> = {}) => ({
  name,
  namespace,
  labels,
});

/** Small typed fixtures of the watched kinds. */
export const fixtures = {
  namespace: (name: string, labels: Record<string, string> = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(undefined, name, labels),
  }),
  pod: (ns: string, name: string, labels: Record<string, string> = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(ns, name, labels),
    spec: { containers: [{ name: 'main', image: 'nginx', ports: [{ containerPort: 80 }] }] },
    status: { phase: 'Running', podIP: '10.0.0.1' },
  }),
  service: (ns: string, name: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(ns, name),
    spec: { selector: { app: name }, ports: [{ port: 80 }] },
  }),
  networkPolicy: (ns: string, name: string): KubeObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(ns, name),
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  }),
  deployment: (ns: string, name: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(ns, name),
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'nginx' }] },
      },
    },
  }),
  daemonSet: (ns: string, name: string, image: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(ns, name, { 'k8s-app': name }),
    spec: {
      selector: { matchLabels: { 'k8s-app': name } },
      template: { metadata: { labels: { 'k8s-app': name } }, spec: { containers: [{ name, image }] } },
    },
  }),
  other: (apiVersion: string, kind: string, ns: string | undefined, name: string): KubeObject => ({
    apiVersion,
    kind,
    metadata: meta(ns, name),
  }),
};

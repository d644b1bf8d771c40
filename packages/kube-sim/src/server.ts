import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '@netmap/model';
import type { ForbiddenRule } from './access.ts';
import { Faults } from './faults.ts';
import { ObjectStore } from './object-store.ts';
import { createRequestListener } from './request-router.ts';
import { SimStore } from './sim-store.ts';

/** How to start the simulator. */
export interface KubeSimOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Objects created at start, in order (namespaces before what they hold). */
  seed?: KubeObject[];
  /** How many changes the watch history keeps; older resourceVersions are `410 Expired`. */
  historySize?: number;
  /** Resources the caller may not read or write: 403 Forbidden. */
  forbidden?: ForbiddenRule[];
  /** How often watches that allow bookmarks get one; 60 s like the API server by default. */
  bookmarkIntervalMs?: number;
}

/** A running simulator. */
export interface KubeSim {
  /** The base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  store: SimStore;
  faults: Faults;
  /** Stops accepting requests, ends every watch and closes every connection. */
  close(): Promise<void>;
}

/** Applies a seed object, creating its namespace first when the seed does not. */
function seedObject(store: SimStore, object: KubeObject): void {
  const namespace = object.metadata?.namespace;
  if (namespace && object.kind !== 'Namespace' && !store.find({ apiVersion: 'v1', kind: 'Namespace', name: namespace })) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  }
  store.apply(object);
}

/** Starts a Kubernetes API simulator over plain HTTP. */
export async function startKubeSim(options: KubeSimOptions = {}): Promise<KubeSim> {
  const objects = new ObjectStore(options.historySize);
  const store = new SimStore(objects);
  for (const object of options.seed ?? []) seedObject(store, object);
  const faults = new Faults(() => objects.compact());
  const listener = createRequestListener({
    store: objects,
    faults,
    access: { token: options.token, forbidden: options.forbidden ?? [] },
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
  });
  const server = createServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      faults.dropWatches({ abrupt: true });
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, store, faults, close };
}

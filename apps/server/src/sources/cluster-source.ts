import type { KubeConfig } from '@kubernetes/client-node';
import type { ApiError } from './api-request.ts';
import type { BackoffOptions } from './backoff.ts';
import { loadClusterConfig, type ClusterConfigOptions } from './kube-config.ts';
import type { ObjectSource, SourceEvent } from './object-source.ts';
import { fallbackMessage, unreadableMessage } from './problem-messages.ts';
import { ReadScopes } from './read-scopes.ts';
import { ScopeWatch } from './scope-watch.ts';
import { WATCHED_RESOURCES, type WatchedResource } from './watched-resources.ts';

/** A live cluster to read. */
export interface ClusterSourceOptions {
  config: KubeConfig;
  /** Namespaces to read one by one where a cluster-wide list is forbidden (`--namespace`, repeatable). */
  namespaces?: readonly string[];
  backoff?: BackoffOptions;
  /** How often a resource that could not be read is tried again (default 60 s). */
  unreadableRetryMs?: number;
  /** Told of every full list and every restart of a watch, by scope (for metrics). */
  observer?: WatchObserver;
}

/** What a cluster source reports about its watches. */
export interface WatchObserver {
  listed(scope: string): void;
  restarted(scope: string): void;
}

const scopeName = (resource: WatchedResource, namespace?: string) =>
  namespace === undefined ? resource.resource : `${resource.resource} in ${namespace}`;

/**
 * A live cluster through client-node informers: one list + watch per resource (per namespace where
 * RBAC forbids the cluster-wide one), restarted after failures, `synced` once each has been listed.
 */
export class ClusterSource implements ObjectSource {
  readonly kind = 'cluster';
  readonly description: string;
  private readonly watches: ScopeWatch[] = [];
  private readonly pending = new Set<string>();
  private readonly reported = new Set<string>();
  private readonly scopes = new ReadScopes();
  private visibility = this.scopes.visibility;
  private emit: (event: SourceEvent) => void = () => {};
  private isSynced = false;

  constructor(private readonly options: ClusterSourceOptions) {
    const { config } = options;
    this.description = `context "${config.getCurrentContext()}" (${config.getCurrentCluster()?.server ?? 'no server'})`;
  }

  async start(emit: (event: SourceEvent) => void): Promise<void> {
    this.emit = emit;
    for (const resource of WATCHED_RESOURCES) this.watchScope(resource, undefined);
  }

  async stop(): Promise<void> {
    await Promise.all(this.watches.map((watch) => watch.stop()));
    this.watches.length = 0;
  }

  private watchScope(resource: WatchedResource, namespace: string | undefined): void {
    const name = scopeName(resource, namespace);
    this.pending.add(name);
    const watch = new ScopeWatch(
      this.options.config,
      resource,
      namespace,
      {
        emit: (event) => this.emit(event),
        onListed: () => {
          this.options.observer?.listed(name);
          if (this.reported.delete(name)) this.emit({ type: 'resolved', resource: name });
          this.scopes.listed(resource.resource, namespace);
          this.tellVisibility();
          this.settle(name);
        },
        onUnreadable: (error) => this.unreadable(resource, namespace, error, watch),
        onRestart: () => this.options.observer?.restarted(name),
        onUnauthorized: (error) =>
          this.report(
            name,
            `unauthorized: the API server refused the credentials of ${this.description}: ${error.message}`,
          ),
      },
      this.options.backoff,
      this.options.unreadableRetryMs,
    );
    this.watches.push(watch);
    watch.start();
  }

  /** A forbidden cluster-wide list of a namespaced resource falls back to the named namespaces. */
  private unreadable(
    resource: WatchedResource,
    namespace: string | undefined,
    error: ApiError,
    watch: ScopeWatch,
  ): void {
    const namespaces = this.options.namespaces ?? [];
    const name = scopeName(resource, namespace);
    if (namespace === undefined && error.statusCode === 403 && resource.namespaced && namespaces.length > 0) {
      void watch.stop();
      this.report(name, fallbackMessage(resource, namespaces));
      this.scopes.unreadable(resource.resource, namespace, namespaces);
      for (const each of namespaces) this.watchScope(resource, each);
    } else {
      this.report(name, unreadableMessage(resource, namespace, error));
      this.scopes.unreadable(resource.resource, namespace);
    }
    this.tellVisibility();
    this.settle(name);
  }

  /** Tells the hub when what can be read of policies and namespaces changed. */
  private tellVisibility(): void {
    const visibility = this.scopes.visibility;
    if (JSON.stringify(visibility) === JSON.stringify(this.visibility)) return;
    this.visibility = visibility;
    this.emit({ type: 'visibility', visibility });
  }

  /** Emits a problem once until the scope reads again. */
  private report(resource: string, message: string): void {
    if (this.reported.has(resource)) return;
    this.reported.add(resource);
    this.emit({ type: 'problem', resource, message });
  }

  private settle(name: string): void {
    this.pending.delete(name);
    if (this.isSynced || this.pending.size > 0) return;
    this.isSynced = true;
    this.emit({ type: 'synced' });
  }
}

/** The cluster source for the `--kubeconfig`, `--context` and `--namespace` flags. */
export function createClusterSource(
  options: ClusterConfigOptions & { namespaces?: readonly string[]; observer?: WatchObserver } = {},
): ClusterSource {
  const { namespaces, observer } = options;
  return new ClusterSource({ config: loadClusterConfig(options), namespaces, observer });
}

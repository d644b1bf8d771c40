import {
  makeInformer,
  type Informer,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { KubeObject } from '@netmap/model';
import { ApiError } from './api-request.ts';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { listCollection } from './list-collection.ts';
import { ObjectView } from './object-view.ts';
import type { SourceEvent } from './object-source.ts';
import { apiVersionOf, collectionPath, type WatchedResource } from './watched-resources.ts';

/** What a scope watch reports to its owner. */
export interface ScopeWatchHooks {
  emit(event: SourceEvent): void;
  /** A full list has been applied (the first one completes this scope's initial sync). */
  onListed(): void;
  /**
   * 403 or 404: the watch has withdrawn its objects, and looks again after a while (RBAC may be
   * granted, the resource served) unless the owner stops it here.
   */
  onUnreadable(error: ApiError): void;
  /** 401: the watch keeps retrying. */
  onUnauthorized(error: ApiError): void;
  /** The watch failed and will start over after a backoff (for metrics). */
  onRestart?(): void;
}

/** A watch that has run this long without failing starts its next backoff from the beginning. */
const HEALTHY_MS = 30_000;

/** How often a scope that could not be read is tried again, unless told otherwise. */
export const UNREADABLE_RETRY_MS = 60_000;

/** The HTTP status of an informer error: ours (ApiError), client-node's watch error, or 0 when unreached. */
function statusOf(error: unknown): number {
  const code = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : 0;
}

/** Watches end on the server's side after 5–10 minutes (as client-go's reflector asks) and resume from their resourceVersion. */
const watchQuery = () => `allowWatchBookmarks=true&timeoutSeconds=${300 + Math.floor(Math.random() * 300)}`;

/**
 * One resource in one scope (cluster-wide or one namespace), kept in step with the API server by
 * a client-node informer. Informers stop on errors: this restarts a fresh one after a backoff, and
 * its first list is diffed against what was emitted, so deletions missed while away are emitted too.
 */
export class ScopeWatch {
  private readonly view: ObjectView;
  private readonly backoff: Backoff;
  private informer: Informer<KubernetesObject> | undefined;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private stopped = true;

  constructor(
    private readonly config: KubeConfig,
    private readonly resource: WatchedResource,
    private readonly namespace: string | undefined,
    private readonly hooks: ScopeWatchHooks,
    backoff: BackoffOptions = DEFAULT_BACKOFF,
    private readonly unreadableRetryMs = UNREADABLE_RETRY_MS,
  ) {
    this.view = new ObjectView(resource, hooks.emit);
    this.backoff = new Backoff(backoff);
  }

  /** Starts listing and watching. */
  start(): void {
    this.stopped = false;
    this.launch();
  }

  /** Stops for good (the objects emitted so far stay emitted). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.timer);
    await this.informer?.stop();
  }

  private launch(): void {
    const generation = ++this.generation;
    const path = collectionPath(this.resource, this.namespace);
    const informer = makeInformer(this.config, `${path}?${watchQuery()}`, () => this.list(generation));
    const current = () => {
      if (generation === this.generation) return true;
      void informer.stop(); // a superseded informer whose watch opened late: close it
      return false;
    };
    informer.on('add', (object) => current() && this.view.upsert(object as KubeObject));
    informer.on('update', (object) => current() && this.view.upsert(object as KubeObject));
    informer.on('delete', (object) => current() && this.view.remove(object as KubeObject));
    informer.on('error', (error) => current() && this.fail(error));
    this.informer = informer;
    this.startedAt = Date.now();
    void informer.start();
  }

  /** The informer's list: every page, diffed against the view before the informer sees it. */
  private async list(generation: number): Promise<KubernetesListObject<KubernetesObject>> {
    const list = await listCollection(this.config, collectionPath(this.resource, this.namespace));
    // A list that finishes after a restart or stop must not reach the view, nor start a watch.
    if (generation !== this.generation) throw new Error('superseded');
    this.view.replaceAll(list.items);
    this.hooks.onListed();
    return {
      apiVersion: apiVersionOf(this.resource),
      kind: `${this.resource.kind}List`,
      metadata: { resourceVersion: list.resourceVersion },
      items: this.view.objects() as KubernetesObject[],
    };
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    const status = statusOf(error);
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError(error instanceof Error ? error.message : String(error), status);
    if (status === 403 || status === 404) {
      this.generation++;
      void this.informer?.stop();
      this.view.clear();
      this.hooks.onUnreadable(apiError);
      if (!this.stopped)
        this.timer = setTimeout(() => !this.stopped && this.launch(), this.unreadableRetryMs);
      return;
    }
    if (status === 401) this.hooks.onUnauthorized(apiError);
    this.hooks.onRestart?.();
    if (Date.now() - this.startedAt > HEALTHY_MS) this.backoff.reset();
    const delay = Math.max(this.backoff.next(), (apiError.retryAfterSeconds ?? 0) * 1000);
    const previous = this.informer;
    this.timer = setTimeout(() => {
      void previous?.stop();
      if (!this.stopped) this.launch();
    }, delay);
  }
}

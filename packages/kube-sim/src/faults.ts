/** The failures a test can ask the simulator to answer with. */
export type FaultCode = 410 | 429 | 500 | 503;

interface PendingFailure {
  pattern: RegExp | string;
  method?: string;
  code: FaultCode;
  remaining: number;
  retryAfterSeconds: number;
}

/** A failure to inject, as `Faults.failNext` takes it. */
export interface FailureSpec {
  /** A substring of the request path (with its query), or a RegExp tested against it. */
  path: RegExp | string;
  code: FaultCode;
  /** How many matching requests fail; 1 by default. */
  count?: number;
  /** Only requests with this method; every method by default. */
  method?: string;
  /** Sent as `Retry-After` with 429 and 503; 1 by default. */
  retryAfterSeconds?: number;
}

/** Fault injection for tests: dropped watches, failing and slow responses, compacted history. */
export class Faults {
  private failures: PendingFailure[] = [];
  private readonly dropListeners = new Set<(abrupt: boolean) => void>();
  /** Milliseconds every response waits before it is served. */
  delayMs = 0;

  constructor(private readonly compactHistory: () => void) {}

  /** Ends every open watch now: cleanly by default, or by destroying the connection. */
  dropWatches(options: { abrupt?: boolean } = {}): void {
    for (const drop of [...this.dropListeners]) drop(options.abrupt ?? false);
  }

  /** Answers the next `count` requests matching `path` with a failure. */
  failNext(spec: FailureSpec): void {
    this.failures.push({
      pattern: spec.path,
      method: spec.method,
      code: spec.code,
      remaining: spec.count ?? 1,
      retryAfterSeconds: spec.retryAfterSeconds ?? 1,
    });
  }

  /** Delays every response by `ms` milliseconds (0 to stop). */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** Forgets the event history: watches and continue tokens from before now get 410 Expired. */
  compact(): void {
    this.compactHistory();
  }

  /** Clears pending failures and the delay. */
  reset(): void {
    this.failures = [];
    this.delayMs = 0;
  }

  /** Registers an open watch's drop function; returns its removal. */
  trackWatch(drop: (abrupt: boolean) => void): () => void {
    this.dropListeners.add(drop);
    return () => this.dropListeners.delete(drop);
  }

  /** The failure for a request, if one is pending for it (consuming it). */
  takeFailure(method: string, path: string): { code: FaultCode; retryAfterSeconds: number } | undefined {
    const failure = this.failures.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === undefined || f.method === method) &&
        (typeof f.pattern === 'string' ? path.includes(f.pattern) : f.pattern.test(path)),
    );
    if (!failure) return undefined;
    failure.remaining--;
    this.failures = this.failures.filter((f) => f.remaining > 0);
    return { code: failure.code, retryAfterSeconds: failure.retryAfterSeconds };
  }
}

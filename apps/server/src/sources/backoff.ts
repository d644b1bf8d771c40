/** How retries space out: from `initialMs`, doubling up to `maxMs`, each delay ±`jitter` (a fraction). */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  jitter: number;
}

/** 0.5 s doubling to 30 s, ±20%: quick after a blip, gentle on an API server that is down. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, jitter: 0.2 };

/** Exponential backoff with jitter, so that many watches restarting at once do not stampede. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next attempt; each call doubles the base until `maxMs`. */
  next(): number {
    const base = Math.min(this.options.maxMs, this.options.initialMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    const spread = (this.random() * 2 - 1) * this.options.jitter;
    return Math.round(base * (1 + spread));
  }

  /** Starts over from `initialMs` (after a period of health). */
  reset(): void {
    this.attempt = 0;
  }
}

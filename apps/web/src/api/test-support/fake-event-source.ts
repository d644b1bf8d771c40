import type { EventSourceLike } from '../model-stream.ts';

type Listener = (event: MessageEvent) => void;

/** An EventSource the test drives: open it, send it named events, fail it, see whether it was closed. */
export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.readyState = 2;
  }

  get isClosed(): boolean {
    return this.readyState === 2;
  }

  open(): void {
    this.readyState = 1;
    this.dispatch('open', new MessageEvent('open'));
  }

  /** Sends `event: <type>` with `data` as JSON (or as is, when it is already a string). */
  send(type: string, data: unknown): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.dispatch(type, new MessageEvent(type, { data: text }));
  }

  /** A dropped stream that the browser retries, or (`refused`) an HTTP error answer it gives up on. */
  fail(how: 'dropped' | 'refused' = 'dropped'): void {
    this.readyState = how === 'refused' ? 2 : 0;
    this.dispatch('error', new MessageEvent('error'));
  }

  private dispatch(type: string, event: MessageEvent): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** A factory for `startModelStream` that keeps every source it made, newest last. */
export function fakeEventSources() {
  const sources: FakeEventSource[] = [];
  return {
    sources,
    create: (url: string) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    get latest(): FakeEventSource {
      const source = sources.at(-1);
      if (!source) throw new Error('no EventSource has been created');
      return source;
    },
  };
}

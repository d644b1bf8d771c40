/** One Server-Sent Event as the client read it, with the time its last chunk arrived. */
export interface StreamEvent {
  event: string;
  id: string;
  data: string;
  /** `performance.now()` when the chunk that completed the event was read. */
  arrivedAt: number;
}

/** A real SSE client of `/api/v1/stream`: reads the response body and hands out whole events. */
export class StreamClient {
  private readonly queue: StreamEvent[] = [];
  private wake: (() => void) | undefined;
  private ended: Error | undefined;

  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly controller: AbortController,
  ) {}

  /** Connects and starts reading in the background. */
  static async connect(url: string): Promise<StreamClient> {
    const controller = new AbortController();
    const response = await fetch(`${url}/api/v1/stream`, { signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    const client = new StreamClient(response.body.getReader(), controller);
    void client.read();
    return client;
  }

  /** The next event, waiting up to `timeoutMs`; undefined on timeout. */
  async next(timeoutMs: number): Promise<StreamEvent | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.ended) throw this.ended;
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.queue.shift();
  }

  close(): void {
    this.controller.abort();
  }

  /** Splits the body into events; a chunk is joined with the ones before only once an event ends in it. */
  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    let parts: string[] = [];
    let lastChar = '';
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) throw new Error('the stream ended');
        const arrivedAt = performance.now();
        const text = decoder.decode(value, { stream: true });
        parts.push(text);
        // A blank line ends an event; it may straddle two chunks.
        const hasEnd = (lastChar + text).includes('\n\n');
        lastChar = text.at(-1) ?? lastChar;
        if (!hasEnd) continue;
        const blocks = parts.join('').split('\n\n');
        parts = [blocks.pop() ?? ''];
        for (const block of blocks) {
          const event = parseEvent(block, arrivedAt);
          if (event) this.queue.push(event);
        }
        this.wake?.();
      }
    } catch (error) {
      this.ended = error instanceof Error ? error : new Error(String(error));
      this.wake?.();
    }
  }
}

/** `event:`, `id:` and `data:` lines of one block; comments (heartbeats) give undefined. */
function parseEvent(block: string, arrivedAt: number): StreamEvent | undefined {
  const event: StreamEvent = { event: 'message', id: '', data: '', arrivedAt };
  let hasData = false;
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event.event = line.slice(7);
    else if (line.startsWith('id: ')) event.id = line.slice(4);
    else if (line.startsWith('data: ')) {
      event.data += line.slice(6);
      hasData = true;
    }
  }
  return hasData ? event : undefined;
}

import type { KubeObject } from '@netmap/model';
import { vi } from 'vitest';

/** A Namespace named `name`. */
export const namespace = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

/** A running Pod in a namespace with labels. */
export const pod = (ns: string, name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: 'main', image: 'nginx' }] },
  status: { phase: 'Running' },
});

/** A watch event as tests read it off the wire. */
export interface ReceivedEvent {
  type: string;
  object: {
    kind?: string;
    code?: number;
    reason?: string;
    metadata?: { name?: string; resourceVersion?: string };
  };
}

/** Reads a watch stream's events until it ends or `stopWhen` says enough (then aborts it). */
export async function readWatch(
  url: string,
  init: RequestInit = {},
  stopWhen: (events: ReceivedEvent[]) => boolean = () => false,
): Promise<ReceivedEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, { ...init, signal: controller.signal });
  const events: ReceivedEvent[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      events.push(...lines.filter((l) => l !== '').map((l) => JSON.parse(l) as ReceivedEvent));
      if (stopWhen(events)) break;
    }
  } finally {
    controller.abort();
  }
  return events;
}

/** Waits until `check` passes (retrying every 20 ms), or fails after `timeoutMs`. */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  await vi.waitFor(check, { timeout: timeoutMs, interval: 20 });
}

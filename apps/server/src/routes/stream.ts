import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ModelHub } from '../hub/model-hub.ts';

/** Told when stream clients come, go, are refused or are dropped (for metrics). */
export interface StreamObserver {
  opened(response: ServerResponse): void;
  closed(response: ServerResponse): void;
  refused(): void;
  dropped(): void;
}

/** Limits that keep one slow or greedy client from harming the server or the others. */
export interface StreamOptions {
  hub: ModelHub;
  /** Concurrent stream clients (default 100). */
  maxClients?: number;
  /** A client that falls this many bytes behind (beyond its snapshot) is dropped; it resumes or gets a snapshot (default 8 MiB). */
  maxBufferedBytes?: number;
  /** Comment lines that keep proxies from closing an idle stream (default 15 s). */
  heartbeatMs?: number;
  observer?: StreamObserver;
}

/**
 * `GET /api/v1/stream`: Server-Sent Events — a `snapshot` of the topology, then a `patch` per
 * change. Event ids are `epoch:version`; a client that reconnects with `Last-Event-ID` gets only the
 * patches it missed while the hub still holds them, else a fresh snapshot.
 */
export async function streamRoutes(app: FastifyInstance, options: StreamOptions): Promise<void> {
  const {
    hub,
    maxClients = 100,
    maxBufferedBytes = 8 * 1024 * 1024,
    heartbeatMs = 15_000,
    observer,
  } = options;
  let clients = 0;
  app.get('/api/v1/stream', (request, reply) => {
    const topology = hub.topology;
    if (!topology) return reply.code(503).send({ error: 'the source has not been read yet' });
    if (clients >= maxClients) {
      observer?.refused();
      return reply
        .code(503)
        .send({ error: `too many stream clients (limit ${maxClients}); try again later` });
    }
    clients++;
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    });
    observer?.opened(response);
    // A client that has not taken in what it was sent before gets no more: it is dropped, and
    // resumes or starts over with a snapshot. The snapshot itself may be large: the allowance for
    // falling behind comes on top of it. Any one message, however large, goes out whole.
    let allowance = maxBufferedBytes;
    const send = (event: string, version: number, data: unknown) => {
      if (response.writableLength > allowance) {
        if (!response.destroyed) observer?.dropped();
        return void response.destroy();
      }
      response.write(`event: ${event}\nid: ${hub.epoch}:${version}\ndata: ${JSON.stringify(data)}\n\n`);
      if (event === 'snapshot') allowance = response.writableLength + maxBufferedBytes;
    };
    const missed = resumePoint(request.headers['last-event-id'], hub);
    if (missed) for (const patch of missed) send('patch', patch.to, patch);
    else send('snapshot', topology.version, topology);
    const unsubscribe = hub.subscribe(
      (patch) => send('patch', patch.to, patch),
      (restarted) => send('snapshot', restarted.version, restarted),
    );
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
    response.on('close', () => {
      clients--;
      observer?.closed(response);
      unsubscribe();
      clearInterval(heartbeat);
    });
  });
}

function resumePoint(lastEventId: string | string[] | undefined, hub: ModelHub) {
  if (typeof lastEventId !== 'string') return undefined;
  const [epoch = '', version = ''] = lastEventId.split(':');
  return /^[0-9]+$/.test(version) ? hub.patchesSince(epoch, Number(version)) : undefined;
}

import type { Topology } from '@netmap/model';
import { buildApp } from '../apps/server/src/app.ts';
import type { ModelHub } from '../apps/server/src/hub/model-hub.ts';
import { StreamClient } from './stream-client.ts';

/** What the stream's snapshot holds, in MB of JSON per part. */
export interface SnapshotSize {
  totalMb: number;
  nodesMb: number;
  flowsMb: number;
  findingsMb: number;
  flows: number;
  /** `workload`, or `namespace` when flows are merged per namespace. */
  flowLevel: string;
}

const MB = 2 ** 20;

/** The JSON size of each part of a topology, counted entry by entry so that it works past V8's longest string. */
export function snapshotSize(topology: Topology): SnapshotSize {
  const sizeOf = (part: Record<string, unknown>) => {
    let length = 0;
    for (const [id, entry] of Object.entries(part))
      length += JSON.stringify(id).length + JSON.stringify(entry).length + 2;
    return length;
  };
  const [nodes, flows, findings] = [topology.nodes, topology.flows, topology.findings].map(sizeOf) as [
    number,
    number,
    number,
  ];
  return {
    totalMb: (nodes + flows + findings) / MB,
    nodesMb: nodes / MB,
    flowsMb: flows / MB,
    findingsMb: findings / MB,
    flows: Object.keys(topology.flows).length,
    flowLevel: topology.flowLevel ?? 'workload',
  };
}

/**
 * Milliseconds from a new client's request to `/api/v1/stream` until its snapshot has arrived whole:
 * what a browser waits for before it can draw anything.
 */
export async function timeSnapshot(hub: ModelHub, timeoutMs: number): Promise<number> {
  // The stream's defaults: a client's allowance for falling behind comes on top of its snapshot.
  const app = buildApp({ source: hub });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const start = performance.now();
    const client = await StreamClient.connect(url);
    try {
      const event = await client.next(timeoutMs);
      if (event?.event !== 'snapshot') throw new Error('the stream did not start with a snapshot');
      return event.arrivedAt - start;
    } finally {
      client.close();
    }
  } finally {
    await app.close();
  }
}

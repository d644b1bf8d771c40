import type { KubeObject } from '@netmap/model';
import { ModelHub } from '../hub/model-hub.ts';

// Test helper: a small synced hub, two pods of one namespace.

const pod = (name: string, ip: string): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: name } },
  spec: { containers: [{ name: 'main', ports: [{ containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: ip },
});

/** A hub already synced with two pods; `pod` makes more. */
export function syncedHub(): ModelHub {
  const hub = new ModelHub({ kind: 'demo', description: 'test' }, { coalesceMs: 10 });
  hub.receive({ type: 'upsert', object: pod('web', '10.0.0.1') });
  hub.receive({ type: 'upsert', object: pod('db', '10.0.0.2') });
  hub.receive({ type: 'synced' });
  return hub;
}

export { pod as testPod };

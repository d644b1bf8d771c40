import type { KubeObject } from '@netmap/model';
import type { SimStore } from '../sim-store.ts';
import { createRandom, type Random } from './random.ts';
import { listSorted, REFS } from './store-refs.ts';
import { relabelPod, rollPod, scaleDeployment } from './workload-changes.ts';

/** The name of the temporary policy the demo adds and later removes. */
export const DEBUG_POLICY = 'allow-debug';

/** One change the demo applied, in words (e.g. `scaled shop/cart to 3 (was 2)`). */
export interface DemoChange {
  type: 'scale' | 'roll' | 'policy' | 'relabel';
  description: string;
}

/** A temporary policy: pods labelled debug=true may reach every pod of the namespace on any port. */
function debugPolicy(namespace: string): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: DEBUG_POLICY, namespace, labels: { 'netmap.example.com/temporary': 'true' } },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { debug: 'true' } } }] }],
    },
  };
}

/** Removes the debug policy when it exists, else adds it to a namespace that has policies. */
function toggleDebugPolicy(store: SimStore, random: Random): string | undefined {
  const policies = listSorted(store, REFS.networkPolicy);
  const existing = policies.find((policy) => policy.metadata?.name === DEBUG_POLICY);
  if (existing) {
    store.delete(existing);
    return `removed NetworkPolicy ${existing.metadata?.namespace ?? ''}/${DEBUG_POLICY}`;
  }
  const namespaces = [...new Set(policies.map((policy) => policy.metadata?.namespace ?? ''))];
  if (namespaces.length === 0) return undefined;
  const namespace = random.pick(namespaces);
  store.create(debugPolicy(namespace));
  return `added NetworkPolicy ${namespace}/${DEBUG_POLICY}`;
}

const CHANGES: readonly {
  type: DemoChange['type'];
  apply: (store: SimStore, random: Random) => string | undefined;
}[] = [
  { type: 'scale', apply: scaleDeployment },
  { type: 'scale', apply: scaleDeployment },
  { type: 'roll', apply: rollPod },
  { type: 'roll', apply: rollPod },
  { type: 'policy', apply: toggleDebugPolicy },
  { type: 'relabel', apply: relabelPod },
];

/** Applies one small, consistent change through the store (so watches see it); undefined when none applied. */
export function applyDemoChange(store: SimStore, random: Random): DemoChange | undefined {
  const change = random.pick(CHANGES);
  const description = change.apply(store, random);
  return description === undefined ? undefined : { type: change.type, description };
}

/** How the demo keeps the cluster moving. */
export interface DemoChangesOptions {
  intervalMs: number;
  seed: number;
  /** Called after every applied change. */
  onChange?: (change: DemoChange) => void;
  /** Called when a change fails (e.g. someone deleted its objects through the API meanwhile). */
  onError?: (error: unknown) => void;
}

/** Applies one demo change every `intervalMs` until stopped. The timer does not keep the process alive. */
export function startDemoChanges(store: SimStore, options: DemoChangesOptions): { stop(): void } {
  const random = createRandom(options.seed);
  const timer = setInterval(() => {
    try {
      const change = applyDemoChange(store, random);
      if (change) options.onChange?.(change);
    } catch (error) {
      options.onError?.(error);
    }
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

import type { KubeObject } from '@netmap/model';
import type { ClusterNetwork } from './cluster-network.ts';
import type { Random } from './random.ts';

/** Roles of application workloads; each has its own container ports. */
export type Tier = 'frontend' | 'backend' | 'cache' | 'database' | 'worker';

/** What policies and Services need to know of a generated workload. */
export interface AppInfo {
  namespace: string;
  app: string;
  tier: Tier;
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  /** Names of the container ports its pods expose (`http`, `grpc`, …). */
  portNames: string[];
}

/** A generated namespace and its labels. */
export interface NamespaceInfo {
  name: string;
  team: string;
  env: string;
  isSystem: boolean;
  /** Whether its pods may only reach DNS and their own namespace unless a policy allows more. */
  locksEgress: boolean;
}

/** Shared state while a cluster is generated: the PRNG, the address plan and the objects so far. */
export interface GenerationContext {
  random: Random;
  network: ClusterNetwork;
  objects: KubeObject[];
  /** Pods still to generate; workloads shrink to fit so that the cluster has exactly the pods asked for. */
  podBudget: number;
}

import type { ContainerPort, PodSpec } from '@netmap/model';
import type { Tier } from './generation-context.ts';

/** A container as the API server returns it, reduced to fields of realistic size (no managedFields). */
export interface Container {
  name: string;
  image: string;
  ports: ContainerPort[];
  resources: { requests: Record<string, string>; limits: Record<string, string> };
}

/** A pod spec with the fields netmap reads and a few it does not. */
export type GeneratedPodSpec = PodSpec & {
  containers: Container[];
  serviceAccountName: string;
  restartPolicy: string;
};

export const HTTP: ContainerPort = { name: 'http', containerPort: 8080, protocol: 'TCP' };
const GRPC: ContainerPort = { name: 'grpc', containerPort: 50051, protocol: 'TCP' };
export const METRICS: ContainerPort = { name: 'metrics', containerPort: 9090, protocol: 'TCP' };
export const DNS_UDP: ContainerPort = { name: 'dns', containerPort: 53, protocol: 'UDP' };
export const DNS_TCP: ContainerPort = { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' };

const TIER_PORTS: Record<Tier, ContainerPort[]> = {
  frontend: [HTTP, METRICS],
  backend: [HTTP, GRPC, METRICS],
  cache: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }, METRICS],
  database: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }, METRICS],
  worker: [METRICS],
};

const TIER_IMAGES: Record<Tier, string> = {
  frontend: 'registry.example.com/web/frontend',
  backend: 'registry.example.com/svc/backend',
  cache: 'docker.io/library/redis:7.2',
  database: 'docker.io/library/postgres:16.2',
  worker: 'registry.example.com/svc/worker',
};

export const TIERS: readonly Tier[] = [
  'frontend',
  'backend',
  'backend',
  'backend',
  'cache',
  'database',
  'worker',
  'worker',
];

export const APP_WORDS: readonly string[] = [
  'api',
  'web',
  'cart',
  'checkout',
  'payments',
  'search',
  'catalog',
  'orders',
  'users',
  'auth',
  'billing',
  'inventory',
  'shipping',
  'reviews',
  'recommendations',
  'notifications',
  'gateway',
  'reports',
  'ledger',
  'pricing',
  'media',
  'profile',
  'session',
  'events',
  'audit',
  'export',
];

/** The ports a tier's pods expose. */
export function portsOf(tier: Tier): ContainerPort[] {
  return TIER_PORTS[tier];
}

/** A pod spec for a tier, with a sidecar-free single container as most workloads have. */
export function podSpecFor(
  tier: Tier,
  app: string,
  version: string,
  ports: ContainerPort[] = TIER_PORTS[tier],
): GeneratedPodSpec {
  return {
    containers: [
      {
        name: app,
        image: TIER_IMAGES[tier].includes(':')
          ? TIER_IMAGES[tier]
          : `${TIER_IMAGES[tier]}/${app}:${version}.4.1`,
        ports,
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      },
    ],
    serviceAccountName: app,
    restartPolicy: 'Always',
  };
}

/** Labels every pod of a workload carries (Deployment, StatefulSet and DaemonSet alike). */
export function templateLabels(
  app: string,
  tier: Tier,
  version: string,
  partOf: string,
): Record<string, string> {
  return {
    app,
    tier,
    version,
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/part-of': partOf,
  };
}

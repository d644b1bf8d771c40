import type { AppInfo, GenerationContext, NamespaceInfo, Tier } from './generation-context.ts';
import { createIngress, createServices } from './generate-services.ts';
import { createCronJob, createDaemonSet, createDeployment, createStatefulSet } from './generate-workloads.ts';
import { APP_WORDS, TIERS, podSpecFor, portsOf, templateLabels } from './workload-templates.ts';

const NAME_SUFFIX: Record<Tier, string> = {
  frontend: '-ui',
  backend: '',
  cache: '-redis',
  database: '-postgres',
  worker: '-worker',
};

/**
 * Fills an application namespace with workloads (mostly Deployments, StatefulSets for stateful
 * tiers, the odd DaemonSet on a few nodes), their Services, an Ingress and a CronJob, until it holds
 * `pods` pods or the cluster's pod budget runs out.
 */
export function generateNamespaceApps(
  context: GenerationContext,
  namespace: NamespaceInfo,
  pods: number,
): AppInfo[] {
  const { random } = context;
  const stopAt = Math.max(0, context.podBudget - pods);
  const names = new Set<string>();
  const apps: AppInfo[] = [];
  if (random.chance(0.2) && context.podBudget - stopAt > 3) {
    createCronJob(
      context,
      request(context, namespace, 'worker', uniqueName(context, names, 'worker')),
      random.int(1, 3),
    );
  }
  while (context.podBudget > stopAt) {
    const tier = random.pick(TIERS);
    const app = createApp(
      context,
      namespace,
      tier,
      uniqueName(context, names, tier),
      context.podBudget - stopAt,
    );
    apps.push(app);
  }
  createIngress(
    context,
    namespace.name,
    apps.filter((app) => app.tier === 'frontend' && app.kind === 'Deployment'),
  );
  return apps;
}

function createApp(
  context: GenerationContext,
  namespace: NamespaceInfo,
  tier: Tier,
  name: string,
  room: number,
): AppInfo {
  const { random } = context;
  // Most workloads run 1-3 replicas; a few run up to 10.
  const replicas = Math.min(room, 1 + Math.floor(9 * random.next() ** 2.5));
  const workload = request(context, namespace, tier, name);
  const isStateful = (tier === 'database' || tier === 'cache') && random.chance(0.7);
  if (isStateful) {
    workload.app.kind = 'StatefulSet';
    createStatefulSet(context, workload, replicas);
  } else if (tier === 'worker' && random.chance(0.03)) {
    // A DaemonSet limited by a nodeSelector to a few nodes (e.g. GPU or edge nodes).
    workload.app.kind = 'DaemonSet';
    const first = random.int(0, context.network.nodes.length - 1);
    createDaemonSet(context, workload, context.network.nodes.slice(first, first + replicas));
  } else {
    createDeployment(context, workload, replicas);
  }
  createServices(context, workload.app, portsOf(tier));
  return workload.app;
}

function request(context: GenerationContext, namespace: NamespaceInfo, tier: Tier, name: string) {
  const version = `v${context.random.int(1, 5)}`;
  const ports = portsOf(tier);
  const app: AppInfo = {
    namespace: namespace.name,
    app: name,
    tier,
    kind: 'Deployment',
    portNames: ports.map((p) => p.name ?? ''),
  };
  return {
    app,
    labels: templateLabels(name, tier, version, namespace.name),
    spec: podSpecFor(tier, name, version),
  };
}

function uniqueName(context: GenerationContext, names: Set<string>, tier: Tier): string {
  const base = `${context.random.pick(APP_WORDS)}${NAME_SUFFIX[tier]}`;
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  names.add(name);
  return name;
}

import type { Cni, CniName, Workload } from '@netmap/model';

export type { Cni, CniName } from '@netmap/model';

/** The parts of a container the detection reads (the model keeps only ports). */
interface ContainerFacts {
  name?: string;
  image?: string;
  args?: string[];
  command?: string[];
}

interface Found {
  daemonSet: string;
  containers: ContainerFacts[];
}

/** `docker.io/calico/node:v3.28@sha256:…` → `calico/node` and `node`: the image without registry, tag and digest. */
function imageTokens(image: string): string[] {
  const path = image.split('@')[0]?.replace(/:[^/]*$/, '') ?? '';
  const parts = path.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) parts.shift();
  return [parts.join('/'), parts.at(-1) ?? ''];
}

/** Names, app labels, container names and images: what a DaemonSet is known by. */
function tokensOf(daemonSet: Workload, containers: ContainerFacts[]): Set<string> {
  const labels = daemonSet.metadata?.labels ?? {};
  const tokens = [daemonSet.metadata?.name, labels['k8s-app'], labels.app, labels['app.kubernetes.io/name']];
  for (const container of containers) tokens.push(container.name, ...imageTokens(container.image ?? ''));
  return new Set(tokens.filter((t): t is string => !!t).map((t) => t.toLowerCase()));
}

const SIGNATURES: Record<string, string[]> = {
  canal: ['canal'],
  gke: ['anetd'],
  cilium: ['cilium', 'cilium-agent', 'cilium/cilium'],
  calico: ['calico-node', 'calico/node'],
  antrea: ['antrea-agent', 'antrea/antrea-agent-ubuntu', 'antrea/antrea-ubuntu'],
  weave: ['weave-net', 'weaveworks/weave-kube', 'weaveworks/weave-npc'],
  kubeRouter: ['kube-router', 'cloudnativelabs/kube-router'],
  aws: ['aws-node', 'amazon-k8s-cni'],
  azureNpm: ['azure-npm'],
  azure: ['azure-cns', 'azure-vnet', 'azure-cni'],
  flannel: [
    'kube-flannel-ds',
    'kube-flannel',
    'flannel',
    'flannel/flannel',
    'flannel-io/flannel',
    'coreos/flannel',
  ],
};

/**
 * The command-line flags that tell whether a plugin enforces NetworkPolicy: all that netmap reads
 * of container args (sources may drop the rest, which can hold credentials).
 */
export const ENFORCEMENT_FLAGS: readonly string[] = ['--run-firewall=', '--enable-network-policy='];

const argsOf = (found: Found) => found.containers.flatMap((c) => [...(c.command ?? []), ...(c.args ?? [])]);

/** VPC CNI enforces only through its network policy agent, when `--enable-network-policy=true`. */
function awsEnforcement(found: Found): [boolean | 'unknown', string] {
  const agent = found.containers.find(
    (c) => c.name === 'aws-network-policy-agent' || (c.image ?? '').includes('aws-network-policy-agent'),
  );
  if (!agent) return ['unknown', 'no network policy agent; another enforcer may run beside it'];
  const flag = (agent.args ?? []).find((a) => a.startsWith('--enable-network-policy='));
  if (flag === '--enable-network-policy=true') return [true, 'network policy agent enabled'];
  return flag
    ? [false, 'network policy agent disabled']
    : ['unknown', 'network policy agent without --enable-network-policy'];
}

/**
 * The network plugin, from the DaemonSets of kube-system (and the plugins' own namespaces:
 * calico-system, kube-flannel, …). Pure: the same DaemonSets give the same answer.
 */
export function detectCni(daemonSets: readonly Workload[]): Cni {
  const found = new Map<string, Found>();
  for (const daemonSet of daemonSets) {
    if (daemonSet.kind !== undefined && daemonSet.kind !== 'DaemonSet') continue;
    const containers = (daemonSet.spec?.template?.spec?.containers ?? []) as ContainerFacts[];
    const tokens = tokensOf(daemonSet, containers);
    const name = `DaemonSet ${daemonSet.metadata?.namespace ?? ''}/${daemonSet.metadata?.name ?? ''}`;
    for (const [plugin, signature] of Object.entries(SIGNATURES)) {
      if (!found.has(plugin) && signature.some((token) => tokens.has(token)))
        found.set(plugin, { daemonSet: name, containers });
    }
  }
  return decide(found);
}

function decide(found: Map<string, Found>): Cni {
  const by = (plugin: string) => found.get(plugin)?.daemonSet;
  const result = (name: CniName, enforces: boolean | 'unknown', evidence: string): Cni => ({
    name,
    enforcesNetworkPolicy: enforces,
    evidence,
  });
  const canal =
    by('canal') ?? (by('flannel') && by('calico') ? `${by('flannel')} with ${by('calico')}` : undefined);
  if (canal) return result('Canal', true, canal);
  if (by('gke')) return result('GKE Dataplane V2', true, by('gke')!);
  if (by('cilium')) return result('Cilium', true, by('cilium')!);
  if (by('calico')) return result('Calico', true, by('calico')!);
  if (by('antrea')) return result('Antrea', true, by('antrea')!);
  if (by('weave')) return result('Weave Net', true, by('weave')!);
  const kubeRouter = found.get('kubeRouter');
  if (kubeRouter) {
    const firewallOff = argsOf(kubeRouter).includes('--run-firewall=false');
    return result(
      'kube-router',
      !firewallOff,
      `${kubeRouter.daemonSet}${firewallOff ? ' with --run-firewall=false' : ''}`,
    );
  }
  const aws = found.get('aws');
  if (aws) {
    const [enforces, why] = awsEnforcement(aws);
    return result('Amazon VPC CNI', enforces, `${aws.daemonSet}: ${why}`);
  }
  if (by('azureNpm')) return result('Azure CNI', true, `${by('azureNpm')} (Azure Network Policy Manager)`);
  if (by('azure'))
    return result('Azure CNI', 'unknown', `${by('azure')}; no azure-npm, Calico or Cilium found`);
  if (by('flannel'))
    return result('Flannel', false, `${by('flannel')}: flannel alone does not enforce NetworkPolicy`);
  return result('unknown', 'unknown', 'no known network plugin among the DaemonSets');
}

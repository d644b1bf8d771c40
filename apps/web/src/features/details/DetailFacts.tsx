import type { ObjectDetails } from '@netmap/model';

/** The facts of one object, by kind: type, pods, IPs, ports, owner, routes. */
export function DetailFacts(props: { details: ObjectDetails; onPick: (id: string) => void }) {
  const { details, onPick } = props;
  const link = (id: string) => (
    <button key={id} type="button" className="link" onClick={() => onPick(id)}>
      {id.slice(id.indexOf(':') + 1)}
    </button>
  );
  const rows: [string, React.ReactNode][] = [];
  if (details.namespace) rows.push(['Namespace', details.namespace]);
  switch (details.kind) {
    case 'namespace':
      rows.push(
        ['Workloads', details.workloads],
        ['Pods', details.pods],
        ['Policies', details.policies.join(', ') || 'none'],
      );
      break;
    case 'workload':
      rows.push(['Kind', details.workloadKind]);
      rows.push([
        'Pods',
        details.isTemplate ? 'none yet (shown from its pod template)' : details.pods.length,
      ]);
      if (details.pods.length > 0)
        rows.push(['Pod IPs', details.pods.flatMap((pod) => pod.ips).join(', ') || 'none']);
      rows.push(['Ports', portList(details.ports)]);
      if (details.hostNetwork) rows.push(['Network', 'host network (policies do not apply)']);
      rows.push(['Services', details.services.length ? joinNodes(details.services.map(link)) : 'none']);
      break;
    case 'pod':
      rows.push([
        'Owner',
        details.ownerChain.map((owner) => `${owner.kind} ${owner.name}`).join(' → ') || 'none (bare pod)',
      ]);
      rows.push(['IPs', details.ips.join(', ') || 'none yet'], ['Node', details.nodeName ?? 'not scheduled']);
      rows.push([
        'State',
        details.isActive ? (details.isReady ? 'running, ready' : 'running, not ready') : 'finished',
      ]);
      rows.push(['Ports', portList(details.ports)]);
      rows.push(['Services', details.services.length ? joinNodes(details.services.map(link)) : 'none']);
      break;
    case 'service':
      rows.push(['Type', details.isHeadless ? `${details.serviceType} (headless)` : details.serviceType]);
      rows.push([
        'Ports',
        details.ports
          .map(
            (port) =>
              `${port.protocol} ${port.port} → ${port.targetPort}${port.nodePort ? ` (node port ${port.nodePort})` : ''}`,
          )
          .join(', ') || 'none',
      ]);
      if (details.selector)
        rows.push([
          'Selector',
          Object.entries(details.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(', '),
        ]);
      if (details.externalName) rows.push(['External name', details.externalName]);
      rows.push([
        'Backends',
        details.workloads.length ? joinNodes(details.workloads.map(link)) : 'none: no ready pod matches',
      ]);
      if (details.ingresses.length) rows.push(['Ingresses', joinNodes(details.ingresses.map(link))]);
      break;
    case 'ingress':
      rows.push(['Class', details.ingressClassName ?? 'the default class']);
      rows.push(['TLS', details.tls.flatMap((entry) => entry.hosts).join(', ') || 'none']);
      break;
    case 'external':
      rows.push(['What', details.description]);
      break;
  }
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function portList(ports: readonly { name?: string; port: number; protocol: string }[]): string {
  return (
    ports.map((port) => `${port.protocol} ${port.port}${port.name ? ` (${port.name})` : ''}`).join(', ') ||
    'none declared'
  );
}

function joinNodes(nodes: React.ReactNode[]): React.ReactNode[] {
  return nodes.flatMap((node, index) => (index === 0 ? [node] : [', ', node]));
}

import type { CompiledPeer, CompiledPort } from './compile-policy.ts';
import { describeSelector } from './label-selector.ts';

/** Short human form of a peer: `namespaceSelector {team=a} AND podSelector {app=web}`, `ipBlock 10.0.0.0/8 except …`. */
export function describePeer(peer: CompiledPeer): string {
  if (peer.kind === 'ipBlock') {
    const except = peer.except.length > 0 ? ` except ${peer.except.map((b) => b.text).join(', ')}` : '';
    return `ipBlock ${peer.cidr.text}${except}`;
  }
  const parts: string[] = [];
  if (peer.namespaceSelector) parts.push(`namespaceSelector {${describeSelector(peer.namespaceSelector)}}`);
  if (peer.podSelector) parts.push(`podSelector {${describeSelector(peer.podSelector)}}`);
  return parts.join(' AND ');
}

/** Short human form of a `ports` list: `TCP 80, UDP serve-53, TCP 8000-8080, all SCTP`. */
export function describePorts(ports: readonly CompiledPort[]): string {
  return ports
    .map((p) => {
      if (p.port === undefined) return `all ${p.protocol}`;
      if (p.endPort !== undefined) return `${p.protocol} ${p.port}-${p.endPort}`;
      return `${p.protocol} ${p.port}`;
    })
    .join(', ');
}

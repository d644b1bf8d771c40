import type {
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyPeer,
  NetworkPolicySpec,
} from '@netmap/model';
import type { GenerationContext } from './generation-context.ts';

/** The label the API server puts on every namespace. */
export const NAME_LABEL = 'kubernetes.io/metadata.name';

/** A NetworkPolicy object as `kubectl get -o json` shows it. */
export function networkPolicy(
  context: GenerationContext,
  namespace: string,
  name: string,
  spec: NetworkPolicySpec,
): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name,
      namespace,
      uid: context.random.uid(),
      resourceVersion: String(context.random.int(1_000_000, 99_999_999)),
      labels: { 'app.kubernetes.io/managed-by': 'Helm' },
    },
    spec,
  };
}

/** A peer that selects one namespace by the name label. */
export function namespaceNamed(name: string): NetworkPolicyPeer {
  return { namespaceSelector: { matchLabels: { [NAME_LABEL]: name } } };
}

/** Egress to CoreDNS in kube-system on UDP and TCP 53, which every default-deny-egress namespace needs. */
export const DNS_EGRESS: NetworkPolicyEgressRule = {
  to: [{ ...namespaceNamed('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

/** Egress to the internet: everything but the cluster's private range and the cloud metadata endpoint. */
export const INTERNET: NetworkPolicyPeer = {
  ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '169.254.169.254/32'] },
};

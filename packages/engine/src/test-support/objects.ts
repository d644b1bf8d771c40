import type { LabelSelector, Namespace, NetworkPolicy, NetworkPolicySpec } from '@netmap/model';

/** A NetworkPolicy `namespace/name` with this spec. */
export function policy(ref: string, spec: NetworkPolicySpec): NetworkPolicy {
  const [namespace, name] = ref.split('/');
  return { kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

/** A Namespace with these labels. */
export function namespace(name: string, labels: Record<string, string>): Namespace {
  return { kind: 'Namespace', metadata: { name, labels } };
}

/** `matchLabels: { app: name }`. */
export const app = (name: string): LabelSelector => ({ matchLabels: { app: name } });

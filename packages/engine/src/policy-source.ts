import type { NetworkPolicy } from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';

/** Where `kubectl apply` keeps a full copy of the object: noise at best, a leak of old values at worst. */
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** A policy as read, ready to show, with the directions it applies to. */
export interface PolicySource {
  policy: NetworkPolicy;
  /** policyTypes with the API server's default applied. */
  policyTypes: ('Ingress' | 'Egress')[];
}

/**
 * A copy of a NetworkPolicy without what a reader never needs: managedFields and the
 * last-applied-configuration annotation (the annotations field goes when nothing else is left).
 */
export function sanitizePolicy(policy: NetworkPolicy): NetworkPolicy {
  // In the order kubectl shows it: apiVersion, kind, metadata, spec (a watch may add kind last).
  const { apiVersion, kind, metadata: _metadata, spec: _spec, ...rest } = structuredClone(policy);
  const copy = { apiVersion, kind, metadata: _metadata, spec: _spec, ...rest } as NetworkPolicy;
  const metadata = copy.metadata as (Record<string, unknown> & NetworkPolicy['metadata']) | undefined;
  if (!metadata) return copy;
  delete metadata.managedFields;
  const annotations = metadata.annotations;
  if (annotations && typeof annotations === 'object') {
    delete annotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
  }
  return copy;
}

/** The valid policy `namespace/name`, sanitized; undefined when the state holds no such valid policy. */
export function readPolicySource(state: ClusterState, ref: string): PolicySource | undefined {
  const compiled = state.policies.get(ref);
  if (!compiled) return undefined;
  const policyTypes: PolicySource['policyTypes'] = [];
  if (compiled.ingress) policyTypes.push('Ingress');
  if (compiled.egress) policyTypes.push('Egress');
  return { policy: sanitizePolicy(compiled.source), policyTypes };
}

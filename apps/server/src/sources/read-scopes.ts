import { FULL_VISIBILITY, type Visibility } from '@netmap/engine';

/**
 * Which scopes of NetworkPolicies and Namespaces a cluster source could read, as the engine's
 * `Visibility`: the verdicts that depend on the rest are unknown.
 */
export class ReadScopes {
  /** Whether NetworkPolicies could be listed cluster-wide. */
  private arePoliciesReadClusterWide = true;
  /** Where the cluster-wide list is forbidden: each namespace read instead, and whether it could be. */
  private readonly policyNamespaces = new Map<string, boolean>();
  private areNamespacesRead = true;

  /** A scope was listed (`namespace` undefined: cluster-wide). */
  listed(resource: string, namespace: string | undefined): void {
    this.record(resource, namespace, true);
  }

  /** A scope could not be read; `fallback` namespaces are read one by one instead. */
  unreadable(resource: string, namespace: string | undefined, fallback: readonly string[] = []): void {
    this.record(resource, namespace, false);
    if (resource === 'networkpolicies' && namespace === undefined)
      for (const each of fallback)
        if (!this.policyNamespaces.has(each)) this.policyNamespaces.set(each, true);
  }

  get visibility(): Visibility {
    if (this.arePoliciesReadClusterWide && this.areNamespacesRead) return FULL_VISIBILITY;
    const policies = this.arePoliciesReadClusterWide
      ? 'all'
      : [...this.policyNamespaces].filter(([, isRead]) => isRead).map(([name]) => name);
    return { policies, namespaceLabels: this.areNamespacesRead };
  }

  private record(resource: string, namespace: string | undefined, isRead: boolean): void {
    if (resource === 'namespaces') this.areNamespacesRead = isRead;
    if (resource !== 'networkpolicies') return;
    if (namespace === undefined) this.arePoliciesReadClusterWide = isRead;
    else this.policyNamespaces.set(namespace, isRead);
  }
}

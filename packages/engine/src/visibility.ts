/**
 * What the source could read. A live cluster's RBAC may forbid NetworkPolicies in some namespaces
 * or the Namespace objects themselves: verdicts that depend on what could not be read are unknown,
 * never allowed or denied.
 */
export interface Visibility {
  /** Namespaces whose NetworkPolicies were read: `all`, or only these. */
  policies: 'all' | readonly string[];
  /** Whether the labels of namespaces are known; when not, namespaceSelectors match only on names. */
  namespaceLabels: boolean;
}

/** What manifests and a fully permitted cluster give: everything. */
export const FULL_VISIBILITY: Visibility = { policies: 'all', namespaceLabels: true };

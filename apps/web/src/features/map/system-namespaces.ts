const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** The network plugin's, the cloud's and the distribution's own namespaces, told by their names. */
const PLUMBING =
  /(^|-)(calico|tigera|cilium|flannel|antrea|weave|kube-router|multus|kube-ovn|metallb)(-|$)|^(gke|openshift|aks|eks)-/;

/**
 * Whether a namespace belongs to the cluster itself rather than to its users: Kubernetes' own
 * (`kube-system`, `kube-public`, `kube-node-lease`) and the network plugin's (`calico-system`,
 * `tigera-operator`, `cilium`, `kube-flannel`, …). These are hidden by default.
 */
export function isSystemNamespace(name: string): boolean {
  return SYSTEM_NAMESPACES.has(name) || PLUMBING.test(name);
}

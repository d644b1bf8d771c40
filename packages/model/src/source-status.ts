/** The network plugins netmap recognises. */
export type CniName =
  | 'Calico'
  | 'Cilium'
  | 'Flannel'
  | 'Weave Net'
  | 'Antrea'
  | 'kube-router'
  | 'Canal'
  | 'Amazon VPC CNI'
  | 'Azure CNI'
  | 'GKE Dataplane V2'
  | 'unknown';

/** The cluster's network plugin, whether it enforces NetworkPolicy, and what gave it away. */
export interface Cni {
  name: CniName;
  enforcesNetworkPolicy: boolean | 'unknown';
  evidence: string;
}

/** Where the evaluated model comes from, and how that is going (`GET /api/v1/status`). */
export interface SourceStatus {
  /** `manifests`, `cluster` or `demo`. */
  kind: 'manifests' | 'cluster' | 'demo';
  /** What the user pointed netmap at: manifest paths, a context name, … */
  description: string;
  /** Whether every readable resource has been listed once. */
  synced: boolean;
  /** Resources that cannot be read, and why (e.g. `{ networkpolicies: "forbidden: …" }`). */
  problems: Record<string, string>;
  /** The CNI the cluster runs, from its DaemonSets, and whether it enforces NetworkPolicy. */
  cni: Cni;
}

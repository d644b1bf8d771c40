export type * from './kube.ts';
export * from './reachability.ts';
export type * from './findings.ts';
export type * from './topology.ts';
export * from './topology-patch.ts';
export type * from './object-details.ts';
export type * from './source-status.ts';
export type * from './what-if.ts';

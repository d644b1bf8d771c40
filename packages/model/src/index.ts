export type * from './kube.ts';
export * from './reachability.ts';
export type * from './findings.ts';

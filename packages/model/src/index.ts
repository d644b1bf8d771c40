export type * from './kube.ts';
export * from './reachability.ts';

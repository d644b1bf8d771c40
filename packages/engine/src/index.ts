export { evaluateCluster, Evaluation } from './evaluation.ts';
export type { EngineOptions, Matrix, Reach } from './evaluation.ts';
export type { CheckResult } from './check-connection.ts';
export type { ObjectChange } from './cluster-state.ts';
export { parseEndpoint, QueryError } from './endpoints.ts';
export type { EndpointSpec } from './endpoints.ts';
export type { WorkloadFlow } from './flow-table.ts';
export { PortSet } from './port-set.ts';
export { deriveTopology, nodeIds } from './derive-topology.ts';

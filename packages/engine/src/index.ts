export { evaluateCluster, Evaluation } from './evaluation.ts';
export type { EngineOptions, Matrix, Reach } from './evaluation.ts';
export type { CheckResult } from './check-connection.ts';
export type { ObjectChange } from './cluster-state.ts';
export { FULL_VISIBILITY, type Visibility } from './visibility.ts';
export { parseEndpoint, QueryError } from './endpoints.ts';
export type { EndpointSpec } from './endpoints.ts';
export type { WorkloadFlow } from './flow-table.ts';
export { PortSet } from './port-set.ts';
export { compareText } from './compare-text.ts';
export { parsePorts } from './topology-flows.ts';
export { deriveTopology, nodeIds, type TopologyOptions } from './derive-topology.ts';
export { TopologyDeriver, type DeriverOptions, type TopologyChange } from './topology-deriver.ts';
export { workloadFlowsBetween, type FlowsBetweenSources } from './flows-between.ts';
export { detectCni, ENFORCEMENT_FLAGS, type Cni, type CniName } from './cni.ts';
export { describeObject } from './object-details.ts';
export { readPolicySource, type PolicySource } from './policy-source.ts';
export { listPolicyInventory, type PolicyInventoryEntry } from './policy-inventory.ts';
export { mergeAddressRanges } from './address-ranges.ts';
export { joinOutsidePieces } from './join-outside.ts';
export { listTopologyNodes } from './topology-node-list.ts';
export { collectFindings, enforcementFindings } from './findings.ts';
export { compareEvaluations, newExposureFindings, type CompareOptions } from './compare-evaluations.ts';
export { draftNamespaces, evaluateDraft, type PolicyDraft } from './evaluate-draft.ts';
export {
  matchesSelector,
  parseSelector,
  type Requirement,
  type Selector,
  type SelectorParse,
} from './label-selector-text.ts';

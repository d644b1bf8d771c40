import type { EvaluationDiff, Finding, FlowChange } from '@netmap/model';
import { compareFindings, isMoreSevere } from './compare-findings.ts';
import { compareFlows } from './compare-flows.ts';
import type { Evaluation } from './evaluation.ts';
import { addExternalFlows, type IpBlockPeer } from './external-flows.ts';
import { FlowTable, type WorkloadFlow } from './flow-table.ts';
import { flowsTouching } from './flows-touching.ts';

type Direction = 'ingress' | 'egress';
type Flows = { flows: WorkloadFlow[]; unknown: WorkloadFlow[] };

/** How the flows need comparing. */
export interface CompareOptions {
  /**
   * The namespaces of the only NetworkPolicies that differ (a what-if draft's): a flow depends on
   * the policies of its two ends' namespaces, so only flows with an end in them are compared.
   */
  namespaces?: ReadonlySet<string>;
}

/** How flows name the ingress controller, which relays traffic from outside the cluster. */
const INGRESS_CONTROLLER = '{ingress-controller}';

/**
 * What changes from `base` to `head`: flows and unknown flows port by port, findings by id, and
 * whether the change opens something from outside the cluster (what CI gates on).
 */
export function compareEvaluations(
  base: Evaluation,
  head: Evaluation,
  options: CompareOptions = {},
): EvaluationDiff {
  // Each evaluation cuts the outside at its own ipBlocks' edges: cut both at the edges of both, so
  // that the same addresses carry the same name on either side.
  const cutAt = (direction: Direction) => [
    ...base.state.ipBlockPeers(direction),
    ...head.state.ipBlockPeers(direction),
  ];
  const flowsOf = (evaluation: Evaluation): Flows => {
    if (options.namespaces) return flowsTouching(evaluation, options.namespaces, cutAt);
    return isSameCut(base, head) ? evaluation.flows() : flowsCutAt(evaluation, cutAt);
  };
  const before = flowsOf(base);
  const after = flowsOf(head);
  const flows = compareFlows(before.flows, after.flows);
  const findings = compareFindings(base.findings(), head.findings());
  return {
    flows,
    unknownFlows: compareFlows(before.unknown, after.unknown),
    findings,
    addsExposure: flows.added.some(isFromOutside) || newExposureFindings(findings).length > 0,
  };
}

/**
 * The exposure findings a change adds: new ones, and those that got more severe. One that was
 * there already and only changed its words or got milder (its old self is among the removed)
 * opens nothing new.
 */
export function newExposureFindings(findings: EvaluationDiff['findings']): Finding[] {
  const before = new Map(findings.removed.map((finding) => [finding.id, finding.severity]));
  return findings.added.filter((finding) => {
    const severity = before.get(finding.id);
    return (
      finding.category === 'exposure' && (severity === undefined || isMoreSevere(finding.severity, severity))
    );
  });
}

/** Whether a flow comes from outside the cluster: from a piece of the outside, or relayed by the ingress controller. */
function isFromOutside(flow: FlowChange): boolean {
  return isOutsidePiece(flow.from) || flow.from === INGRESS_CONTROLLER;
}

function isOutsidePiece(end: string): boolean {
  return end.endsWith('[External]');
}

/** Whether both evaluations' ipBlocks (whatever their order) cut the outside the same way. */
function isSameCut(base: Evaluation, head: Evaluation): boolean {
  const key = (peers: readonly IpBlockPeer[]) =>
    [...new Set(peers.map((p) => [p.cidr.text, ...p.except.map((cidr) => cidr.text)].join(' ')))]
      .sort()
      .join('\n');
  return (['ingress', 'egress'] as const).every(
    (direction) => key(base.state.ipBlockPeers(direction)) === key(head.state.ipBlockPeers(direction)),
  );
}

/** The evaluation's flows, with those to and from the outside named by pieces cut at `cutAt`. */
function flowsCutAt(evaluation: Evaluation, cutAt: (direction: Direction) => IpBlockPeer[]): Flows {
  const own = evaluation.flows();
  const table = new FlowTable();
  const { state, context } = evaluation;
  addExternalFlows(table, state, [...state.classes.all()], context, cutAt);
  const outside = table.result();
  const isInside = (flow: WorkloadFlow) => !isOutsidePiece(flow.from) && !isOutsidePiece(flow.to);
  return {
    flows: [...own.flows.filter(isInside), ...outside.flows],
    unknown: [...own.unknown.filter(isInside), ...outside.unknown],
  };
}

import type { EvaluationDiff, FlowChange } from '@netmap/model';
import { compareFindings } from './compare-findings.ts';
import { compareFlows } from './compare-flows.ts';
import type { Evaluation } from './evaluation.ts';
import { addExternalFlows, type IpBlockPeer } from './external-flows.ts';
import { FlowTable, type WorkloadFlow } from './flow-table.ts';

type Direction = 'ingress' | 'egress';

/** How flows name the ingress controller, which relays traffic from outside the cluster. */
const INGRESS_CONTROLLER = '{ingress-controller}';

/**
 * What changes from `base` to `head`: flows and unknown flows port by port, findings by id, and
 * whether the change opens something from outside the cluster (what CI gates on).
 */
export function compareEvaluations(base: Evaluation, head: Evaluation): EvaluationDiff {
  // Each evaluation cuts the outside at its own ipBlocks' edges: cut both at the edges of both, so
  // that the same addresses carry the same name on either side.
  const cutAt = (direction: Direction) => [
    ...base.state.ipBlockPeers(direction),
    ...head.state.ipBlockPeers(direction),
  ];
  const isSameCut = (['ingress', 'egress'] as const).every(
    (direction) => cutKey(base.state.ipBlockPeers(direction)) === cutKey(head.state.ipBlockPeers(direction)),
  );
  const before = isSameCut ? base.flows() : flowsCutAt(base, cutAt);
  const after = isSameCut ? head.flows() : flowsCutAt(head, cutAt);
  const flows = compareFlows(before.flows, after.flows);
  const findings = compareFindings(base.findings(), head.findings());
  return {
    flows,
    unknownFlows: compareFlows(before.unknown, after.unknown),
    findings,
    addsExposure:
      flows.added.some(isFromOutside) || findings.added.some((finding) => finding.category === 'exposure'),
  };
}

/** Whether a flow comes from outside the cluster: from a piece of the outside, or relayed by the ingress controller. */
function isFromOutside(flow: FlowChange): boolean {
  return isOutsidePiece(flow.from) || flow.from === INGRESS_CONTROLLER;
}

function isOutsidePiece(end: string): boolean {
  return end.endsWith('[External]');
}

/** The same ipBlocks, whatever their order, cut the outside the same way. */
function cutKey(peers: readonly IpBlockPeer[]): string {
  const texts = peers.map((peer) => [peer.cidr.text, ...peer.except.map((cidr) => cidr.text)].join(' '));
  return [...new Set(texts)].sort().join('\n');
}

/** The evaluation's flows, with those to and from the outside named by pieces cut at `cutAt`. */
function flowsCutAt(
  evaluation: Evaluation,
  cutAt: (direction: Direction) => IpBlockPeer[],
): { flows: WorkloadFlow[]; unknown: WorkloadFlow[] } {
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

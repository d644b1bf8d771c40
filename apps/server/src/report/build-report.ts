import { enforcementFindings, listTopologyNodes, type Evaluation } from '@netmap/engine';
import type { WorkloadNode } from '@netmap/model';
import { buildExposureList } from './exposure-list.ts';
import { groupFindings } from './findings-by-severity.ts';
import { buildNamespaceMatrix } from './namespace-matrix.ts';
import { buildPolicyRows } from './policy-rows.ts';
import type { ReportContext, ReportData } from './report-data.ts';
import { buildSummary } from './report-summary.ts';

const DEFAULT_TITLE = 'Network policy review';

/**
 * Everything a security review report shows about an evaluated cluster, as plain data: the
 * summary, the namespace reachability matrix, every path in from outside, the findings by
 * severity and the policy inventory. Whether the network plugin enforces policies is a finding
 * too, when the DaemonSets held or the context name the plugin.
 */
export function buildReport(evaluation: Evaluation, context: ReportContext): ReportData {
  const nodes = listTopologyNodes(evaluation);
  const flows = evaluation.flows();
  const { state } = evaluation;
  // The engine tells the plugin from the DaemonSets it holds; a context may know it otherwise.
  const own = evaluation.findings();
  const ids = new Set(own.map((finding) => finding.id));
  const fromContext = context.cni ? enforcementFindings(context.cni, state.policies.size) : [];
  const findings = [...fromContext.filter((finding) => !ids.has(finding.id)), ...own];
  const workloads = nodes.filter((n): n is WorkloadNode => n.kind === 'workload');
  const isolated = new Set(workloads.filter((w) => w.isolated.ingress).map((w) => refOf(w)));
  const namespaces = nodes.flatMap((n) => (n.kind === 'namespace' ? [n.name] : []));
  const invalidPolicies = [...state.invalid.values()].filter((i) => i.kind === 'NetworkPolicy').length;
  const report: ReportData = {
    title: context.title?.trim() || DEFAULT_TITLE,
    source: context.source,
    generatedAt: context.generatedAt.toISOString(),
    assumptions: { ipBlockMatchesPods: evaluation.context.ipBlockMatchesPods },
    summary: buildSummary(nodes, findings, {
      flows: flows.flows.length,
      unknownFlows: flows.unknown.length,
      networkPolicies: state.policies.size,
      invalidPolicies,
    }),
    matrix: buildNamespaceMatrix(
      namespaces,
      workloads.map((w) => ({ ref: refOf(w), namespace: w.namespace })),
      flows,
    ),
    exposure: buildExposureList(findings, flows, (workload) => isolated.has(workload)),
    findings: groupFindings(findings),
    policies: buildPolicyRows(evaluation, findings),
  };
  if (context.dataTime) report.dataTime = context.dataTime.toISOString();
  const cni = context.cni ?? (state.cni.name === 'unknown' ? undefined : state.cni);
  if (cni) report.cni = cni;
  return report;
}

function refOf(workload: WorkloadNode): string {
  return workload.id.slice('workload:'.length);
}

import {
  compareEvaluations,
  evaluateCluster,
  joinOutsidePieces,
  newExposureFindings,
  type Evaluation,
} from '@netmap/engine';
import type { EvaluationDiff, Finding, FlowChange } from '@netmap/model';
import type { CliIo } from '../cli-io.ts';
import { formatTable } from '../format-table.ts';
import { readManifestObjects } from '../load-evaluation.ts';
import { formatOption, ipBlockOption, parseCommand } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const DIFF_HELP = `Usage: netmap diff --base PATH --head PATH [options]

What a change of manifests does to the network: the connections it opens and
closes (per pair of workloads or pieces of the outside, only the ports that
change; text and md join pieces of the outside that change alike), the
connections whose verdict becomes or stops being unknown, and the findings that
appear or go. Run it in CI on a pull request: --base the manifests
of the target branch, --head those of the pull request.

Options:
  --base PATH                   manifests before the change: file or directory (repeatable)
  --head PATH                   manifests after the change: file or directory (repeatable)
  --format F                    text (default), json or md (tables for a pull-request comment)
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)

Exit codes: 0 the change opens nothing from outside the cluster; 1 it does (a new
connection from an outside address or through the ingress controller, or a new
exposure finding; stderr says which); 2 bad usage or bad input.

JSON: {"flows": {"added": [{"from", "to", "ports": "all" | ["TCP 80", ...]}], "removed": [...]},
       "unknownFlows": {"added": [...], "removed": [...]},
       "findings": {"added": [{"id", "severity", "category", "objects", "message", "fix"}], "removed": [...]},
       "addsExposure": true | false}
`;

const DIFF_OPTIONS = {
  base: { type: 'string', multiple: true },
  head: { type: 'string', multiple: true },
  format: { type: 'string' },
  'ipblock-matches-pods': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `netmap diff`; returns the exit code: 1 when the change opens something from outside the cluster. */
export async function runDiff(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, DIFF_OPTIONS);
  if (values.help) {
    io.out(DIFF_HELP);
    return 0;
  }
  const format = formatOption(values.format, ['text', 'json', 'md'] as const);
  const options = { ipBlockMatchesPods: ipBlockOption(values['ipblock-matches-pods']) };
  const read = async (name: 'base' | 'head'): Promise<Evaluation> =>
    evaluateCluster(await readManifestObjects(pathsOption(values[name], name), io), options);
  const diff = compareEvaluations(await read('base'), await read('head'));
  const readable = joinOutsidePieces(diff);
  io.out(
    format === 'json' ? JSON.stringify(diff) + '\n' : format === 'md' ? markdown(readable) : text(readable),
  );
  if (!diff.addsExposure) return 0;
  io.err(`netmap: the change opens something from outside the cluster:\n${exposureReasons(diff)}`);
  return 1;
}

function pathsOption(value: string[] | undefined, name: string): string[] {
  if (!value || value.length === 0)
    throw new UsageError(`--${name} PATH is required (a file or a directory; repeatable)`);
  return value;
}

/** `3 flows added, 1 removed; 2 findings new, 0 gone`, and unknown flows when some changed. */
function summary(diff: EvaluationDiff): string {
  const { flows, unknownFlows, findings } = diff;
  const counts = [
    `${plural(flows.added.length, 'flow')} added, ${flows.removed.length} removed`,
    `${plural(findings.added.length, 'finding')} new, ${findings.removed.length} gone`,
  ];
  if (unknownFlows.added.length + unknownFlows.removed.length > 0)
    counts.push(
      `${plural(unknownFlows.added.length, 'unknown flow')} added, ${unknownFlows.removed.length} removed`,
    );
  return counts.join('; ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function portsText(ports: FlowChange['ports']): string {
  return ports === 'all' ? 'all ports' : ports.join(', ');
}

/** One row per changed pair: `+` added, `-` removed. */
function flowRows(changes: { added: FlowChange[]; removed: FlowChange[] }, code = (s: string) => s) {
  const row = (sign: string) => (flow: FlowChange) => [
    sign,
    code(flow.from),
    code(flow.to),
    portsText(flow.ports),
  ];
  return [...changes.added.map(row('+')), ...changes.removed.map(row('-'))];
}

function findingRows(findings: EvaluationDiff['findings'], code = (s: string) => s) {
  const row = (sign: string) => (f: Finding) => [sign, f.severity, code(f.id), f.message];
  return [...findings.added.map(row('+')), ...findings.removed.map(row('-'))];
}

function text(diff: EvaluationDiff): string {
  const sections = [summary(diff)];
  const flows = flowRows(diff.flows);
  const table = (header: string[], rows: string[][]) => formatTable(header, rows, 'text').trimEnd();
  if (flows.length > 0) sections.push(`Flows:\n${table(['', 'FROM', 'TO', 'PORTS'], flows)}`);
  const unknown = flowRows(diff.unknownFlows);
  if (unknown.length > 0)
    sections.push(
      `Flows whose verdict depends on a fact that is not known:\n${table(['', 'FROM', 'TO', 'PORTS'], unknown)}`,
    );
  const findings = findingRows(diff.findings);
  if (findings.length > 0) sections.push(`Findings:\n${table(['', 'SEVERITY', 'ID', 'MESSAGE'], findings)}`);
  return sections.join('\n\n') + '\n';
}

function markdown(diff: EvaluationDiff): string {
  const code = (s: string) => `\`${s}\``;
  const exposure = diff.addsExposure ? ' **Opens something from outside the cluster.**' : '';
  const sections = ['### netmap diff', `${summary(diff)}.${exposure}`];
  const flows = flowRows(diff.flows, code);
  if (flows.length > 0) sections.push(formatTable(['', 'From', 'To', 'Ports'], flows, 'md').trimEnd());
  const unknown = flowRows(diff.unknownFlows, code);
  if (unknown.length > 0)
    sections.push(
      '#### Flows whose verdict depends on a fact that is not known',
      formatTable(['', 'From', 'To', 'Ports'], unknown, 'md').trimEnd(),
    );
  const findings = findingRows(diff.findings, code);
  if (findings.length > 0)
    sections.push(
      '#### Findings',
      formatTable(['', 'Severity', 'Finding', 'What'], findings, 'md').trimEnd(),
    );
  return sections.join('\n\n') + '\n';
}

/** One line per new flow from outside and per new exposure finding. */
function exposureReasons(diff: EvaluationDiff): string {
  const fromOutside = diff.flows.added
    .filter((flow) => flow.from.endsWith('[External]') || flow.from === '{ingress-controller}')
    .map((flow) => `  new flow ${flow.from} -> ${flow.to} (${portsText(flow.ports)})\n`);
  const findings = newExposureFindings(diff.findings).map(
    (finding) => `  new finding ${finding.id}: ${finding.message}\n`,
  );
  return [...fromOutside, ...findings].join('');
}

import { collectFindings, evaluateCluster } from '@netmap/engine';
import type { Finding, Severity } from '@netmap/model';
import type { CliIo } from '../cli-io.ts';
import { formatTable } from '../format-table.ts';
import { readManifestObjects } from '../load-evaluation.ts';
import { COMMON_OPTIONS, formatOption, ipBlockOption, manifestsOption, parseCommand } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const FINDINGS_HELP = `Usage: netmap findings --manifests PATH [options]

What a security review should look at: every path from outside the cluster and the
pods it ends at, workloads and namespaces no policy isolates, policy parts that do
nothing, Services and Ingresses that do not reach their pods, a network plugin that
does not enforce policies (from the DaemonSets in the manifests), Services one pod
or node away from going down, and objects that could not be read. Each finding has
a stable id, a severity, the objects involved and how to fix it.

Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --format F                    text (default), json or md
  --min-severity S              list only findings of severity S or above (default info)
  --fail-on S                   exit with 1 when a finding of severity S or above is
                                found (default high); "never" always exits with 0
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)

Severities, highest first: critical, high, medium, low, info.

Exit codes: 0 no finding of --fail-on severity or above; 1 some (listed or not);
2 bad usage or bad input. In CI, "netmap findings --manifests k8s/" fails a pull
request that opens a path from outside to unprotected pods, breaks an Ingress, or
adds an object the API server would reject.

JSON: {"findings": [{"id", "severity", "category", "objects": ["Kind ns/name"], "message", "fix"}]},
      highest severity first, then by id.
`;

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const FINDINGS_OPTIONS = {
  ...COMMON_OPTIONS,
  'min-severity': { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

/** `netmap findings`; returns the exit code. */
export async function runFindings(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, FINDINGS_OPTIONS);
  if (values.help) {
    io.out(FINDINGS_HELP);
    return 0;
  }
  const format = formatOption(values.format, ['text', 'json', 'md'] as const);
  const shown = severityOption(values['min-severity'], '--min-severity', 'info');
  const failOn =
    values['fail-on'] === 'never' ? undefined : severityOption(values['fail-on'], '--fail-on', 'high');
  const ipBlockMatchesPods = ipBlockOption(values['ipblock-matches-pods']);
  const objects = await readManifestObjects(manifestsOption(values.manifests), io);
  const options = { ipBlockMatchesPods };
  const evaluation = evaluateCluster(objects, options);
  const all = collectFindings(evaluation.state, options).sort((a, b) => rank(a.severity) - rank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const listed = all.filter((finding) => rank(finding.severity) <= rank(shown));
  io.out(render(listed, format));
  return failOn !== undefined && all.some((finding) => rank(finding.severity) <= rank(failOn)) ? 1 : 0;
}

function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

function severityOption(value: string | undefined, name: string, fallback: Severity): Severity {
  if (value === undefined) return fallback;
  if (!SEVERITIES.includes(value as Severity))
    throw new UsageError(
      `${name} must be one of ${SEVERITIES.join(', ')}${name === '--fail-on' ? ', never' : ''}`,
    );
  return value as Severity;
}

function render(findings: Finding[], format: 'text' | 'json' | 'md'): string {
  if (format === 'json') return JSON.stringify({ findings }) + '\n';
  if (format === 'md') {
    const rows = findings.map((f) => [
      f.severity,
      `\`${f.id}\``,
      f.objects.join(', '),
      f.message,
      f.fix ?? '',
    ]);
    return formatTable(['Severity', 'Finding', 'Objects', 'What', 'Fix'], rows, 'md');
  }
  const blocks = findings.map((f) =>
    [
      `${f.severity.toUpperCase().padEnd(8)} ${f.id}`,
      `         ${f.message}`,
      ...(f.fix ? [`         fix: ${f.fix}`] : []),
    ].join('\n'),
  );
  return [...blocks, summary(findings)].join('\n\n') + '\n';
}

/** `3 findings: 1 high, 2 low`. */
function summary(findings: Finding[]): string {
  if (findings.length === 0) return 'No findings.';
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, count]) => count > 0)
    .map(([s, count]) => `${count} ${s}`);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.join(', ')}`;
}

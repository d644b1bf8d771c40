import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluateCluster } from '@netmap/engine';
import { buildReport, renderReport, reportContext, type ReportFormat } from '../../report/index.ts';
import type { CliIo } from '../cli-io.ts';
import { readManifestObjects } from '../load-evaluation.ts';
import { COMMON_OPTIONS, formatOption, ipBlockOption, manifestsOption, parseCommand } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const REPORT_HELP = `Usage: netmap report --manifests PATH [options]

A security review report of the manifests: the summary, a map of the namespaces
and the outside, which namespace can reach which (and on which ports), every path
in from outside the cluster, the findings by severity with their fixes, and an
inventory of the NetworkPolicies. HTML is one self-contained file (no scripts,
nothing fetched) that prints to A4; Markdown has the same sections as tables.

Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --out FILE                    write the report to FILE (default: stdout)
  --format F                    html (default; md when FILE ends in .md) or md
  --title T                     the report's heading (default "Network policy review")
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)
`;

const REPORT_OPTIONS = { ...COMMON_OPTIONS, out: { type: 'string' }, title: { type: 'string' } } as const;

/** `netmap report`. */
export async function runReport(args: readonly string[], io: CliIo): Promise<void> {
  const { values } = parseCommand(args, REPORT_OPTIONS);
  if (values.help) return io.out(REPORT_HELP);
  const out = values.out;
  if (out === '') throw new UsageError('--out needs a file name');
  const format = formatOption(values.format ?? formatOf(out), ['html', 'md'] as const);
  const paths = manifestsOption(values.manifests);
  const ipBlockMatchesPods = ipBlockOption(values['ipblock-matches-pods']);
  const objects = await readManifestObjects(paths, io);
  const evaluation = evaluateCluster(objects, { ipBlockMatchesPods });
  const source = { kind: 'manifests' as const, description: paths.join(', '), cni: evaluation.state.cni };
  const data = buildReport(evaluation, reportContext(source, new Date(), values.title));
  const text = renderReport(data, format);
  if (out === undefined) return io.out(text);
  const path = resolve(out);
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${path}: ${(error as Error).message}`);
  }
  io.err(`netmap: wrote the report (${format === 'html' ? 'HTML' : 'Markdown'}) to ${path}\n`);
}

/** The format a file name asks for, when --format does not say. */
function formatOf(out: string | undefined): ReportFormat | undefined {
  return out && /\.(md|markdown)$/i.test(out) ? 'md' : undefined;
}

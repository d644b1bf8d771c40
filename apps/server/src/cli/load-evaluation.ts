import { evaluateCluster, type Evaluation } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';
import { loadManifests, ManifestError } from '../manifests/index.ts';
import type { CliIo } from './cli-io.ts';
import { ipBlockOption, manifestsOption } from './options.ts';
import { UsageError } from './usage-error.ts';

/** Reads manifests and evaluates them; tells on stderr what was skipped or could not be evaluated. */
export async function loadEvaluation(
  values: { manifests?: string[] | undefined; 'ipblock-matches-pods'?: string | undefined },
  io: CliIo,
): Promise<Evaluation> {
  const paths = manifestsOption(values.manifests);
  const ipBlockMatchesPods = ipBlockOption(values['ipblock-matches-pods']);
  const evaluation = evaluateCluster(await readManifestObjects(paths, io), { ipBlockMatchesPods });
  // Objects the engine could not evaluate change the answers; the other findings are `netmap findings`'.
  const findings = evaluation.findings();
  const invalid = findings.filter((finding) => finding.category === 'invalid');
  for (const finding of invalid) io.err(`netmap: ${finding.message}\n`);
  const others = findings.length - invalid.length;
  if (others > 0) io.err(`netmap: ${others} more findings: see netmap findings\n`);
  return evaluation;
}

/** The objects of the manifests at `paths`; a bad file is a usage error, unread kinds are counted on stderr. */
export async function readManifestObjects(paths: string[], io: CliIo): Promise<KubeObject[]> {
  let load;
  try {
    load = await loadManifests(paths);
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(error.message);
    throw error;
  }
  const skipped = Object.entries(load.skipped).map(([kind, count]) => `${count} ${kind}`);
  if (skipped.length > 0)
    io.err(`netmap: skipped objects of kinds it does not read: ${skipped.join(', ')}\n`);
  return load.objects.map((loaded) => loaded.object);
}

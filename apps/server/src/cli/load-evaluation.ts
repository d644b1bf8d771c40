import { evaluateCluster, type Evaluation } from '@netmap/engine';
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
  const evaluation = evaluateCluster(
    load.objects.map((loaded) => loaded.object),
    { ipBlockMatchesPods },
  );
  for (const finding of evaluation.findings()) io.err(`netmap: ${finding.message}\n`);
  return evaluation;
}

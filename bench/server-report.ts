import type { ServerSizeResult } from './server-size.ts';
import { count, formatTable, ms, sizeLabel } from './table-format.ts';

/** The backend issue's target for change-to-patch latency at 10k pods and more. */
const TARGET_P95_MS = 300;
const TARGET_FROM_PODS = 10_000;

/** Initial sync: one row per size, medians in milliseconds. */
export function formatSync(results: readonly ServerSizeResult[]): string {
  const header = [
    'size',
    'objects',
    'runs',
    'sync ms',
    'evaluate+derive ms',
    'total ms',
    'peak RSS MB',
    'snapshot MB',
    'snapshot at client ms',
  ];
  const rows = results.map((r) => [
    sizeLabel(r),
    count(r.objects),
    String(r.syncRuns),
    ms(r.syncMs),
    ms(r.evaluateMs),
    ms(r.totalMs),
    count(r.peakRssMb),
    r.snapshotMb.toFixed(1),
    Number.isNaN(r.snapshotMs) ? '' : ms(r.snapshotMs),
  ]);
  return formatTable(header, rows);
}

/** What the snapshot holds: one row per size. */
export function formatSnapshot(results: readonly ServerSizeResult[]): string {
  const header = ['size', 'flow level', 'flows', 'nodes MB', 'flows MB', 'findings MB', 'total MB'];
  const rows = results.map(({ snapshot: s, ...r }) => [
    sizeLabel(r),
    s.flowLevel,
    count(s.flows),
    s.nodesMb.toFixed(1),
    s.flowsMb.toFixed(1),
    s.findingsMb.toFixed(1),
    s.totalMb.toFixed(1),
  ]);
  return formatTable(header, rows);
}

/** Change-to-patch latency: one row per size and coalescing window. */
export function formatLatency(results: readonly ServerSizeResult[]): string {
  const header = [
    'size',
    'coalesce ms',
    'first change ms',
    'changes',
    'p50 ms',
    'p95 ms',
    'max ms',
    'patch bytes (median)',
    'stream buffer',
  ];
  const rows = results.flatMap((r) =>
    r.latency.map((l) =>
      l.skipped
        ? [sizeLabel(r), String(l.coalesceMs), '', l.skipped, '', '', '', '', '']
        : [
            sizeLabel(r),
            String(l.coalesceMs),
            ms(l.firstChangeMs),
            l.isCapped ? `${l.changes} of ${l.planned} (capped)` : String(l.changes),
            ms(l.p50Ms),
            ms(l.p95Ms),
            ms(l.maxMs),
            count(l.patchBytes),
            l.isBufferRaised ? 'raised*' : 'default',
          ],
    ),
  );
  return formatTable(header, rows);
}

/** `PASS` or `MISS` per size from 10k pods: p95 under 300 ms with the hub's default coalescing. */
export function checkLatencyTargets(results: readonly ServerSizeResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const standard = r.latency[0];
    if (r.pods < TARGET_FROM_PODS || !standard) continue;
    if (standard.skipped) {
      lines.push(`MISS  ${sizeLabel(r)}: change-to-patch ${standard.skipped}`);
      continue;
    }
    const verdict = standard.p95Ms < TARGET_P95_MS ? 'PASS' : 'MISS';
    lines.push(
      `${verdict}  ${sizeLabel(r)}: change-to-patch p95 ${ms(standard.p95Ms)} ms < ${TARGET_P95_MS} ms (coalesce ${standard.coalesceMs} ms)`,
    );
  }
  return lines;
}

import type { ServerSizeResult } from './server-size.ts';

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
  ]);
  return formatTable(header, rows);
}

/** Change-to-patch latency: one row per size and coalescing window. */
export function formatLatency(results: readonly ServerSizeResult[]): string {
  const header = [
    'size',
    'coalesce ms',
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
        ? [sizeLabel(r), String(l.coalesceMs), l.skipped, '', '', '', '', '']
        : [
            sizeLabel(r),
            String(l.coalesceMs),
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

function sizeLabel(r: ServerSizeResult): string {
  return `${short(r.pods)} / ${short(r.policies)}`;
}

function short(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function ms(n: number): string {
  return n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : count(n);
}

/** A Markdown table with right-aligned columns, readable in a terminal and pasteable in a PR. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

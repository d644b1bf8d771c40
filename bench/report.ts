import type { SizeResult } from './measure-size.ts';
import { count, formatTable, ms, sizeLabel } from './table-format.ts';

/** Targets from the engine's design: a 150k-pod cluster within interactive budgets. */
const TARGETS = { pods: 150_000, policies: 30_000, evaluateMs: 3_000, peakRssMb: 2_048, changeMs: 50 };

const CHANGES = [
  ['pod change', 'podChangeMs'],
  ['namespace change', 'namespaceChangeMs'],
  ['policy change', 'policyChangeMs'],
  ['policy add', 'policyAddMs'],
  ['policy delete', 'policyDeleteMs'],
] as const;

/** The main table: one row per case, medians in milliseconds. */
export function formatResults(results: readonly SizeResult[]): string {
  const header = ['size', 'pods', 'policies', 'classes', 'JSON.parse ms', 'evaluate ms', 'evaluate/parse'];
  header.push(...CHANGES.map(([label]) => `${label} ms`), 'who-can-reach ms', 'peak RSS MB');
  const rows = results.map((r) => [
    sizeLabel(r),
    count(r.pods),
    count(r.policies),
    count(r.classes),
    ms(r.parseMs),
    ms(r.evaluateMs),
    (r.evaluateMs / r.parseMs).toFixed(2),
    ...CHANGES.map(([, key]) => ms(r[key])),
    ms(r.whoCanReachMs),
    count(r.peakRssMb),
  ]);
  return formatTable(header, rows);
}

/** Secondary figures: input size, generation time, heaps, and the rare change that regroups all pods. */
export function formatDetails(results: readonly SizeResult[]): string {
  const header = [
    'size',
    'objects',
    'JSON MB',
    'generate ms',
    'objects heap MB',
    'evaluation heap MB',
    'ipBlock regroup ms',
    'who-can-reach pods',
  ];
  const rows = results.map((r) => [
    sizeLabel(r),
    count(r.objects),
    count(r.jsonMb),
    ms(r.generateMs),
    count(r.objectsHeapMb),
    count(r.evaluationHeapMb),
    ms(r.ipBlockPolicyAddMs),
    count(r.whoCanReachPods),
  ]);
  return formatTable(header, rows);
}

/** One line per target that applies to the cases run: `PASS` or `MISS` with the measured value. */
export function checkTargets(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  const check = (isMet: boolean, text: string) => lines.push(`${isMet ? 'PASS' : 'MISS'}  ${text}`);
  for (const r of results) {
    check(
      r.evaluateMs <= r.parseMs,
      `${sizeLabel(r)}: evaluate ${ms(r.evaluateMs)} ms <= JSON.parse ${ms(r.parseMs)} ms`,
    );
    if (r.pods === TARGETS.pods && r.policies === TARGETS.policies) {
      check(
        r.evaluateMs < TARGETS.evaluateMs,
        `${sizeLabel(r)}: evaluate ${ms(r.evaluateMs)} ms < ${count(TARGETS.evaluateMs)} ms`,
      );
      check(r.peakRssMb < TARGETS.peakRssMb, `${sizeLabel(r)}: peak RSS ${count(r.peakRssMb)} MB < 2 GB`);
    }
    if (r.pods < TARGETS.pods) continue;
    for (const [label, key] of CHANGES) {
      check(r[key] < TARGETS.changeMs, `${sizeLabel(r)}: ${label} ${ms(r[key])} ms < ${TARGETS.changeMs} ms`);
    }
  }
  return lines;
}

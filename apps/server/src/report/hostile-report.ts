import { evaluateCluster } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';
import { buildReport } from './build-report.ts';
import type { ReportData } from './report-data.ts';
import { netpol, pod, threeNamespaces } from './report-fixtures.ts';

/** Markup that must reach a reader as text, never as a tag. */
export const SCRIPT = '<script>alert(1)</script>';
export const IMAGE = '"><img src=x onerror=alert(1)>';

/**
 * Test helper: a report whose texts try to break out of HTML and Markdown: the title, the source,
 * a namespace the manifests name (netmap reads what the files say), and a policy with a label key
 * the API server rejects (its error quotes the key).
 */
export function hostileReport(): ReportData {
  const objects: KubeObject[] = [
    ...threeNamespaces,
    pod(`x${IMAGE}/pipe|and*stars_[link](javascript:alert(1))`, { app: 'odd' }),
    netpol('front/tricky', { podSelector: { matchLabels: { [SCRIPT]: 'x' } } }),
  ];
  return buildReport(evaluateCluster(objects), {
    title: `Review ${SCRIPT}`,
    source: `cluster: context "a" (https://203.0.113.1:6443) ${IMAGE}`,
    generatedAt: new Date('2025-03-04T05:06:07Z'),
  });
}

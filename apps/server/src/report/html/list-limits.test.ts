import { evaluateCluster } from '@netmap/engine';
import type { Finding } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build-report.ts';
import { OUTSIDE, type MatrixCell, type ReportData } from '../report-data.ts';
import { threeNamespaces } from '../report-fixtures.ts';
import { LIST_LIMITS } from './list-limits.ts';
import { renderReportHtml } from './render-report-html.ts';

// A large cluster's report: the HTML lists the first rows of each long list and counts the rest.
const base = buildReport(evaluateCluster(threeNamespaces), { source: 'test', generatedAt: new Date(0) });

const finding = (severity: Finding['severity'], kind: string, i: number): Finding => ({
  id: `${kind}:ns/item-${i}`,
  severity,
  objects: [`Deployment ns/item-${i}`],
  message: `message ${kind} ${i}`,
  fix: `fix ${kind}`,
});

function withLists(overrides: Partial<ReportData>): string {
  return renderReportHtml({ ...base, ...overrides });
}

describe('the HTML report of a large cluster', () => {
  it('shows medium findings in full, and counts many low ones by kind with an example', () => {
    const low = [
      ...Array.from({ length: 30 }, (_, i) => finding('low', 'unprotected', i)),
      ...Array.from({ length: 20 }, (_, i) => finding('low', 'single-backend', i)),
    ];
    const medium = Array.from({ length: 50 }, (_, i) => finding('medium', 'wiring', i));
    const page = withLists({
      findings: [
        { severity: 'medium', findings: medium },
        { severity: 'low', findings: low },
      ],
    });
    expect(page.match(/<article class="finding sev-medium">/g)).toHaveLength(50);
    expect(page.match(/<article class="finding sev-low">/g)).toBeNull();
    expect(page).toMatch(
      /<td class="mono">unprotected<\/td>\s*<td class="num">30<\/td>\s*<td>message unprotected 0<\/td>/,
    );
    expect(page).toMatch(/<td class="mono">single-backend<\/td>\s*<td class="num">20<\/td>/);
  });

  it('lists the first policies and says how many more there are', () => {
    const row = base.policies[0]!;
    const policies = Array.from({ length: LIST_LIMITS.policies + 7 }, (_, i) => ({
      ...row,
      name: `p-${i}`,
      ref: `data/p-${i}`,
    }));
    const page = withLists({ policies });
    expect(page).toContain('<b>p-0</b>');
    expect(page).not.toContain(`<b>p-${LIST_LIMITS.policies}</b>`);
    expect(page).toContain('7 NetworkPolicies more not listed here');
  });

  it('draws many namespaces as a compact grid of dots, without ports', () => {
    const names = Array.from({ length: 20 }, (_, i) => `ns-${String(i).padStart(2, '0')}`);
    const cells: MatrixCell[] = [OUTSIDE, ...names].flatMap((from) =>
      names.map((to) => ({
        from,
        to,
        reach: 'some',
        connected: 1,
        pairs: 4,
        ports: ['TCP 80'],
        unknownPorts: [],
      })),
    );
    const page = withLists({
      matrix: {
        namespaces: [OUTSIDE, ...names],
        workloads: Object.fromEntries(names.map((n) => [n, 2])),
        cells,
      },
    });
    expect(page).toContain('<table class="matrix compact">');
    expect(page).not.toMatch(
      /<td class="reach-some[^"]*"[^>]*>[^<]*<i class="dot dot-some"><\/i><span class="ports">/,
    );
    expect(page).toContain(
      `${cells.length - LIST_LIMITS.connectedPairs} connected pairs more not listed here`,
    );
    // One line per pair of namespaces on the ring, without arrowheads.
    expect(page).toContain('graph-ring');
    expect(page).not.toMatch(/<path class="edge[^>]*marker-end/);
  });
});

import { evaluateCluster } from '@netmap/engine';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build-report.ts';
import { hostileReport } from '../hostile-report.ts';
import { threeNamespaces } from '../report-fixtures.ts';
import { escapeMarkdown, markdownTable } from './markdown-text.ts';
import { renderReportMarkdown } from './render-report-markdown.ts';

const text = renderReportMarkdown(
  buildReport(evaluateCluster(threeNamespaces), {
    source: 'manifests: ./deploy',
    generatedAt: new Date('2025-03-04T05:06:07Z'),
  }),
);

/** The cells of a table row, split at the pipes that are not escaped. */
const cellsOf = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);

describe('escapeMarkdown', () => {
  it('makes markup, pipes and line breaks plain text', () => {
    expect(escapeMarkdown('<b>*a*_b_ [c](d) `e` | f\nnext')).toBe(
      '\\<b\\>\\*a\\*\\_b\\_ \\[c\\](d) \\`e\\` \\| f next',
    );
  });
});

describe('markdownTable', () => {
  it('writes a header, a rule with the alignment, and one line per row', () => {
    expect(markdownTable(['A', 'B'], [['1', '']], ['left', 'right'])).toBe(
      '| A | B |\n| --- | ---: |\n| 1 |   |',
    );
  });
});

describe('renderReportMarkdown', () => {
  it('has the sections of the report as headings', () => {
    const headings = text.split('\n').filter((line) => /^#{1,3} /.test(line));
    expect(headings).toEqual(
      expect.arrayContaining([
        '# Network policy review',
        '## Summary',
        '## Reachability between namespaces',
        '### Connected pairs',
        '## Exposure to outside the cluster',
        '## Findings',
        '## Policy inventory',
      ]),
    );
    expect(text).toContain('- **Source:** manifests: ./deploy');
  });

  it('writes the matrix as a grid with the outside first', () => {
    const grid = text.split('\n').filter((line) => line.startsWith('| '));
    expect(grid).toContain('| from ↓ to → | Outside | data | front | lonely |');
    expect(grid).toContain('| front | ● all ports | ◐ TCP 5432 | ● all ports | ● all ports |');
    expect(grid).toContain('| data | ● all ports | – | ● all ports | ● all ports |');
    expect(grid).toContain('| lonely |   |   |   | – |');
  });

  it('lists the policies, the invalid one with its error', () => {
    expect(text).toMatch(/\| data \| db-from-web \| Ingress \| app=<?\\?=?/);
    expect(text).toMatch(/\| lonely \| broken \| \*\*invalid:\*\* spec\.podSelector: "not a key\\!"/);
  });

  it('keeps hostile text inside its cell, as text', () => {
    const hostile = renderReportMarkdown(hostileReport());
    expect(hostile).not.toMatch(/(?<!\\)<(script|img)/);
    expect(hostile).toContain('# Review \\<script\\>alert(1)\\</script\\>');
    // Every row of a table has as many cells as its header.
    const lines = hostile.split('\n');
    lines.forEach((line, i) => {
      if (!line.startsWith('| ') || lines[i - 1]?.startsWith('|')) return;
      const width = cellsOf(line).length;
      for (let j = i + 1; lines[j]?.startsWith('|'); j++) expect(cellsOf(lines[j]!)).toHaveLength(width);
    });
  });
});

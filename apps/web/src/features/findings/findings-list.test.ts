import { describe, expect, it } from 'vitest';
import type { Finding } from '@netmap/model';
import { categoriesOf, countBySeverity, groupFindings, NO_FILTER } from './findings-list.ts';

const finding = (id: string, severity: Finding['severity'], category?: Finding['category']): Finding => ({
  id,
  severity,
  objects: [],
  message: `message ${id}`,
  ...(category ? { category } : {}),
});

const findings = [
  finding('a', 'low', 'availability'),
  finding('b', 'high', 'exposure'),
  finding('c', 'medium', 'unprotected'),
  finding('d', 'high', 'unprotected'),
  finding('e', 'critical', 'enforcement'),
  finding('f', 'high', 'exposure'),
];

describe('the findings list', () => {
  it('counts each severity', () => {
    expect(countBySeverity(findings)).toEqual({ critical: 1, high: 3, medium: 1, low: 1, info: 0 });
  });

  it('groups from critical to info, leaving out empty groups; by category, then message within one', () => {
    const groups = groupFindings(findings, NO_FILTER);
    expect(groups.map((group) => group.severity)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(groups[1]!.findings.map((each) => each.id)).toEqual(['b', 'f', 'd']);
  });

  it('keeps only one severity and one category when filtered', () => {
    expect(groupFindings(findings, { severity: 'high', category: 'all' })).toEqual([
      { severity: 'high', findings: [findings[1], findings[5], findings[3]] },
    ]);
    const unprotected = groupFindings(findings, { severity: 'all', category: 'unprotected' });
    expect(unprotected.flatMap((group) => group.findings.map((each) => each.id))).toEqual(['d', 'c']);
    expect(groupFindings(findings, { severity: 'info', category: 'all' })).toEqual([]);
  });

  it('offers the categories present, in a fixed order', () => {
    expect(categoriesOf(findings)).toEqual(['exposure', 'unprotected', 'enforcement', 'availability']);
  });
});

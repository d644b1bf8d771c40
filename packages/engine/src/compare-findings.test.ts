import type { Finding } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { compareFindings } from './compare-findings.ts';

const finding = (id: string, severity: Finding['severity'], message = id): Finding => ({
  id,
  severity,
  message,
  objects: [`Pod ${id}`],
});

describe('comparing findings', () => {
  it('matches them by id, and sorts what changed by severity then id', () => {
    const kept = finding('kept', 'high');
    const base = [kept, finding('gone-b', 'low'), finding('gone-a', 'low'), finding('gone-c', 'critical')];
    const head = [finding('new', 'info'), kept, finding('new-high', 'high')];
    const { added, removed } = compareFindings(base, head);
    expect(added.map((f) => f.id)).toEqual(['new-high', 'new']);
    expect(removed.map((f) => f.id)).toEqual(['gone-c', 'gone-a', 'gone-b']);
  });

  it('counts a finding whose severity or message changed as gone and new', () => {
    const base = [finding('a', 'low'), finding('b', 'low', 'before')];
    const head = [finding('a', 'high'), finding('b', 'low', 'after')];
    const { added, removed } = compareFindings(base, head);
    expect(added).toEqual([head[0], head[1]]);
    expect(removed).toEqual([base[0], base[1]]);
  });
});

import { describe, expect, it } from 'vitest';
import type { WhatIfResult } from '@netmap/model';
import { endText, findingChanges, flowChangeText, summaryText } from './diff-text.ts';

const change = { from: 'shop/web[Deployment]', to: 'shop/cart[Deployment]', ports: ['TCP 7070'] };
const empty: WhatIfResult = {
  flows: { added: [], removed: [] },
  unknownFlows: { added: [], removed: [] },
  findings: { added: [], removed: [] },
  addsExposure: false,
  draft: { applied: [], deleted: [] },
};
const finding = (id: string, severity: 'low' | 'high' = 'low') => ({
  id,
  severity,
  objects: [],
  message: id,
});

describe('summaryText', () => {
  it('counts what the draft adds and removes', () => {
    expect(
      summaryText({
        ...empty,
        flows: { added: [change, change, change], removed: [change] },
        findings: { added: [finding('a'), finding('b')], removed: [finding('c')] },
      }),
    ).toBe('+3 flows, −1 flow, 2 findings new, 1 gone');
    expect(
      summaryText({
        ...empty,
        findings: { added: [finding('a')], removed: [finding('a', 'high'), finding('c')] },
      }),
    ).toBe('1 finding gone, 1 changed');
    expect(summaryText({ ...empty, unknownFlows: { added: [change], removed: [] } })).toBe(
      '1 unknown flow changed',
    );
  });

  it('says when nothing would change', () => {
    expect(summaryText(empty)).toBe('No flow and no finding would change');
  });
});

describe('findingChanges', () => {
  it('tells a finding that changed from one that appears or goes', () => {
    const before = finding('exposure:Service:a/b', 'high');
    const after = finding('exposure:Service:a/b', 'low');
    expect(findingChanges({ added: [after, finding('new')], removed: [before, finding('old')] })).toEqual({
      appeared: [finding('new')],
      gone: [finding('old')],
      changed: [{ before, after }],
    });
  });
});

describe('flow text', () => {
  it('names workloads with their kind and the outside as such', () => {
    expect(flowChangeText(change)).toBe('shop/web (Deployment) → shop/cart (Deployment): TCP 7070');
    expect(endText('0.0.0.0-9.255.255.255[External]')).toBe('0.0.0.0-9.255.255.255 (outside)');
    expect(endText('{ingress-controller}')).toBe('ingress-controller');
    expect(flowChangeText({ ...change, ports: 'all' })).toContain(': all ports');
  });
});

import { describe, expect, it } from 'vitest';
import type { WhatIfResult } from '@netmap/model';
import { endText, flowChangeText, summaryText } from './diff-text.ts';

const change = { from: 'shop/web[Deployment]', to: 'shop/cart[Deployment]', ports: ['TCP 7070'] };
const empty: WhatIfResult = {
  flows: { added: [], removed: [] },
  unknownFlows: { added: [], removed: [] },
  findings: { added: [], removed: [] },
  addsExposure: false,
  draft: { applied: [], deleted: [] },
};
const finding = { id: 'f', severity: 'low' as const, objects: [], message: 'm' };

describe('summaryText', () => {
  it('counts what the draft adds and removes', () => {
    expect(
      summaryText({
        ...empty,
        flows: { added: [change, change, change], removed: [change] },
        findings: { added: [finding, finding], removed: [finding] },
      }),
    ).toBe('+3 flows, −1 flow, 2 findings new, 1 gone');
    expect(summaryText({ ...empty, unknownFlows: { added: [change], removed: [] } })).toBe(
      '1 unknown flow changed',
    );
  });

  it('says when nothing would change', () => {
    expect(summaryText(empty)).toBe('No flow and no finding would change');
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

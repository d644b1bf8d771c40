import { describe, expect, it } from 'vitest';
import { matchesFields, parseFieldSelector } from './field-selector.ts';
import { matchesLabels, parseLabelSelector } from './label-selector.ts';

const labels = { app: 'web', tier: 'front' };

describe('parseLabelSelector', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['app in (api, web)', true],
    ['app notin (api,web)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=web,tier in (front),!missing', true],
    ['app=web,tier=back', false],
    ['', true],
  ])('%s matches app=web,tier=front: %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('rejects what it cannot parse with a BadRequest', () => {
    expect(() => parseLabelSelector('app in x)')).toThrow(/unable to parse/);
  });
});

describe('parseFieldSelector', () => {
  const object = { metadata: { name: 'web-1', namespace: 'shop' }, status: { phase: 'Running' } };
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.namespace==shop,metadata.name!=web-2', true],
    ['status.phase=Pending', false],
    ['metadata.namespace!=shop', false],
  ])('%s → %s', (selector, expected) => {
    expect(matchesFields(parseFieldSelector(selector), object)).toBe(expected);
  });
});

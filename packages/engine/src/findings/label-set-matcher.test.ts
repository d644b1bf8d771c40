import { describe, expect, it } from 'vitest';
import { LabelSetMatcher } from './label-set-matcher.ts';

const nginx = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };

describe('LabelSetMatcher', () => {
  it.each<[string, Record<string, string>[], Record<string, string>, boolean]>([
    ['every label of a set', [nginx], { ...nginx, extra: 'x' }, true],
    ['only some labels of a set', [nginx], { 'app.kubernetes.io/name': 'ingress-nginx' }, false],
    [
      'the second of two sets with the same first key',
      [nginx, { 'app.kubernetes.io/name': 'traefik' }],
      { 'app.kubernetes.io/name': 'traefik' },
      true,
    ],
    ['a set with another first key', [nginx, { app: 'envoy' }], { app: 'envoy' }, true],
    ['no set', [], nginx, false],
    ['the empty set, which every object carries', [{}], {}, true],
    ['a label inherited from Object, which no object carries', [{ constructor: 'x' }], {}, false],
  ])('%s', (_title, sets, labels, expected) => {
    expect(new LabelSetMatcher(sets).matches(labels)).toBe(expected);
  });
});

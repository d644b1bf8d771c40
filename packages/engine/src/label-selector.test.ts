import type { LabelSelector, MatchResult } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import {
  compileSelector,
  describeSelector,
  isValidLabelKey,
  isValidLabelValue,
  matchSelector,
  selects,
  type CompiledSelector,
  type Labels,
} from './label-selector.ts';

function compile(selector: LabelSelector): CompiledSelector {
  const compiled = compileSelector(selector);
  if (compiled.error !== undefined) throw new Error(compiled.error);
  return compiled.selector;
}

function errorOf(selector: LabelSelector): string | undefined {
  return compileSelector(selector).error;
}

const web: Labels = { app: 'web', tier: 'frontend' };
const db: Labels = { app: 'db' };
const none: Labels = {};

describe('matchLabels', () => {
  it.each<[string, LabelSelector, Labels, boolean]>([
    ['selects an object carrying the label', { matchLabels: { app: 'web' } }, web, true],
    ['does not select another value of the label', { matchLabels: { app: 'web' } }, db, false],
    ['does not select an object without the label', { matchLabels: { app: 'web' } }, none, false],
    ['ANDs its labels: all must be carried', { matchLabels: { app: 'web', tier: 'backend' } }, web, false],
    [
      'ANDs its labels: selects when all are carried',
      { matchLabels: { app: 'web', tier: 'frontend' } },
      web,
      true,
    ],
    [
      'ANDs with matchExpressions',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
      web,
      false,
    ],
  ])('%s', (_, selector, labels, expected) => {
    expect(selects(compile(selector), labels)).toBe(expected);
  });
});

describe('matchExpressions', () => {
  it.each<[string, LabelSelector['matchExpressions'], Labels, boolean]>([
    ['In selects a listed value', [{ key: 'app', operator: 'In', values: ['web', 'api'] }], web, true],
    ['In does not select an unlisted value', [{ key: 'app', operator: 'In', values: ['api'] }], web, false],
    ['In does not select a missing label', [{ key: 'app', operator: 'In', values: ['web'] }], none, false],
    [
      'NotIn does not select a listed value',
      [{ key: 'app', operator: 'NotIn', values: ['web'] }],
      web,
      false,
    ],
    ['NotIn selects an unlisted value', [{ key: 'app', operator: 'NotIn', values: ['api'] }], web, true],
    ['NotIn selects a missing label', [{ key: 'app', operator: 'NotIn', values: ['web'] }], none, true],
    ['Exists selects any value of the label', [{ key: 'tier', operator: 'Exists' }], web, true],
    ['Exists does not select a missing label', [{ key: 'tier', operator: 'Exists' }], db, false],
    ['DoesNotExist does not select a carried label', [{ key: 'tier', operator: 'DoesNotExist' }], web, false],
    ['DoesNotExist selects a missing label', [{ key: 'tier', operator: 'DoesNotExist' }], db, true],
    [
      'expressions are ANDed',
      [
        { key: 'app', operator: 'In', values: ['web'] },
        { key: 'tier', operator: 'NotIn', values: ['frontend'] },
      ],
      web,
      false,
    ],
  ])('%s', (_, matchExpressions, labels, expected) => {
    expect(selects(compile({ matchExpressions }), labels)).toBe(expected);
  });
});

describe('the empty selector', () => {
  it.each([web, db, none])('selects every object (%o)', (labels) => {
    const selector = compile({});
    expect(selector.isEmpty).toBe(true);
    expect(selects(selector, labels)).toBe(true);
    expect(matchSelector(selector, { labels, complete: false })).toBe('match');
  });

  it('is also what empty matchLabels and matchExpressions compile to', () => {
    expect(compile({ matchLabels: {}, matchExpressions: [] }).isEmpty).toBe(true);
  });
});

describe('validation, as the API server validates a LabelSelector', () => {
  it.each<[string, LabelSelector, RegExp]>([
    [
      'an unknown operator',
      { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] },
      /operator "Equals"/,
    ],
    [
      'a lowercase operator',
      { matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] },
      /operator "in"/,
    ],
    [
      'In without values',
      { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] },
      /In needs values/,
    ],
    ['NotIn without values', { matchExpressions: [{ key: 'app', operator: 'NotIn' }] }, /NotIn needs values/],
    [
      'Exists with values',
      { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] },
      /Exists takes no values/,
    ],
    [
      'DoesNotExist with values',
      { matchExpressions: [{ key: 'app', operator: 'DoesNotExist', values: ['x'] }] },
      /takes no values/,
    ],
    ['an expression without key', { matchExpressions: [{ operator: 'Exists' }] }, /key is required/],
    [
      'a bad key in matchExpressions',
      { matchExpressions: [{ key: '-app', operator: 'Exists' }] },
      /"-app" is not a valid label key/,
    ],
    ['a bad key in matchLabels', { matchLabels: { 'a b': 'x' } }, /"a b" is not a valid label key/],
    ['a bad value in matchLabels', { matchLabels: { app: 'web!' } }, /"web!" is not a valid label value/],
    [
      'a bad value in In',
      { matchExpressions: [{ key: 'app', operator: 'In', values: ['-web'] }] },
      /"-web" is not a valid label value/,
    ],
  ])('rejects %s', (_, selector, message) => {
    expect(errorOf(selector)).toMatch(message);
  });

  it('names the index of the faulty expression', () => {
    const selector = {
      matchExpressions: [
        { key: 'app', operator: 'Exists' },
        { key: 'b', operator: 'Bad' },
      ],
    };
    expect(errorOf(selector)).toMatch(/^matchExpressions\[1\]/);
  });

  it.each<[string, boolean]>([
    ['app', true],
    ['kubernetes.io/metadata.name', true],
    ['example.com/app_name', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['', false],
    ['-app', false],
    ['app-', false],
    ['/app', false],
    ['Example.com/app', false],
    ['a/b/c', false],
    [`${'a'.repeat(254)}/app`, false],
  ])('label key %j is valid: %s', (key, expected) => {
    expect(isValidLabelKey(key)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['', true],
    ['web', true],
    ['v1.2_3-rc', true],
    ['A1', true],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
    ['-web', false],
    ['web.', false],
    ['a b', false],
    ['a/b', false],
  ])('label value %j is valid: %s', (value, expected) => {
    expect(isValidLabelValue(value)).toBe(expected);
  });
});

describe('three-valued matching on incomplete labels', () => {
  const incomplete = (labels: Labels) => ({ labels, complete: false });
  it.each<[string, LabelSelector, Labels, MatchResult]>([
    ['In on a missing label is unknown', { matchLabels: { team: 'a' } }, {}, 'unknown'],
    [
      'NotIn on a missing label is unknown',
      { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['a'] }] },
      {},
      'unknown',
    ],
    [
      'Exists on a missing label is unknown',
      { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
      {},
      'unknown',
    ],
    [
      'DoesNotExist on a missing label is unknown',
      { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] },
      {},
      'unknown',
    ],
    ['a known label that matches is a match', { matchLabels: { team: 'a' } }, { team: 'a' }, 'match'],
    [
      'a known label that does not match is no-match',
      { matchLabels: { team: 'a' } },
      { team: 'b' },
      'no-match',
    ],
    [
      'a known mismatch wins over an unknown label',
      { matchLabels: { env: 'prod', team: 'a' } },
      { team: 'b' },
      'no-match',
    ],
    [
      'a known mismatch wins whatever the key order',
      { matchLabels: { env: 'prod', team: 'a' } },
      { env: 'dev' },
      'no-match',
    ],
    [
      'a match and an unknown label is unknown',
      { matchLabels: { env: 'prod', team: 'a' } },
      { env: 'prod' },
      'unknown',
    ],
  ])('%s', (_, selector, labels, expected) => {
    expect(matchSelector(compile(selector), incomplete(labels))).toBe(expected);
  });

  it.each<[LabelSelector, MatchResult]>([
    [{ matchLabels: { team: 'a' } }, 'no-match'],
    [{ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, 'match'],
  ])('complete labels are never unknown: %o on {} is %s', (selector, expected) => {
    expect(matchSelector(compile(selector), { labels: {}, complete: true })).toBe(expected);
  });
});

describe('canonical key and description', () => {
  it('gives matchLabels and the equivalent In expression the same key', () => {
    const byLabels = compile({ matchLabels: { app: 'web', tier: 'fe' } });
    const byExpressions = compile({
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['fe'] },
        { key: 'app', operator: 'In', values: ['web'] },
      ],
    });
    expect(byLabels.key).toBe(byExpressions.key);
    expect(byLabels.key).not.toBe(compile({ matchLabels: { app: 'web' } }).key);
  });

  it.each<[LabelSelector, string]>([
    [{}, ''],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, 'tier in (a,b)'],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, 'tier notin (a)'],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, 'tier'],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, '!tier'],
  ])('describes %o as %j', (selector, text) => {
    expect(describeSelector(compile(selector))).toBe(text);
  });
});

describe('label keys named like Object properties', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'treats an absent "%s" label as absent',
    (key) => {
      const exists = compile({ matchExpressions: [{ key, operator: 'Exists' }] });
      const doesNotExist = compile({ matchExpressions: [{ key, operator: 'DoesNotExist' }] });
      expect(selects(exists, { app: 'web' })).toBe(false);
      expect(selects(doesNotExist, { app: 'web' })).toBe(true);
      expect(matchSelector(exists, { labels: { app: 'web' }, complete: true })).toBe('no-match');
    },
  );
});

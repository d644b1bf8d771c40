import { describe, expect, it } from 'vitest';
import { matchesSelector, parseSelector, type Selector } from './label-selector-text.ts';

function parsed(text: string): Selector {
  const result = parseSelector(text);
  if (result.error !== undefined) throw new Error(result.error);
  return result.selector;
}

const web = { app: 'web', tier: 'front', version: '3' };

describe('parseSelector', () => {
  it.each([
    ['', []],
    ['app=web', [{ key: 'app', operator: 'in', values: ['web'] }]],
    ['app==web', [{ key: 'app', operator: 'in', values: ['web'] }]],
    ['app!=web', [{ key: 'app', operator: 'notin', values: ['web'] }]],
    ['tier in (front, back)', [{ key: 'tier', operator: 'in', values: ['front', 'back'] }]],
    ['tier notin (db)', [{ key: 'tier', operator: 'notin', values: ['db'] }]],
    ['legacy', [{ key: 'legacy', operator: 'exists' }]],
    ['!legacy', [{ key: 'legacy', operator: 'doesnotexist' }]],
    ['version>2', [{ key: 'version', operator: 'gt', value: 2 }]],
    ['app=', [{ key: 'app', operator: 'in', values: [''] }]],
    [
      ' app = web , !legacy,tier in (a,b) ',
      [
        { key: 'app', operator: 'in', values: ['web'] },
        { key: 'legacy', operator: 'doesnotexist' },
        { key: 'tier', operator: 'in', values: ['a', 'b'] },
      ],
    ],
    ['app.kubernetes.io/name=web', [{ key: 'app.kubernetes.io/name', operator: 'in', values: ['web'] }]],
  ])('reads %j', (text, requirements) => {
    expect(parsed(text).requirements).toEqual(requirements);
  });

  it.each([
    ['app in (a', 'expected "," or ")" in the list of values at the end'],
    ['app in a', 'expected "(" after "in" at character 8'],
    ['app in ()', '"in" needs at least one value'],
    ['app=web=x', 'expected "," before "="'],
    ['-app=web', '"-app" is not a valid label key'],
    ['app=we b', 'expected "," before "b"'],
    ['app=-web', '"-web" is not a valid label value'],
    ['app,,tier', 'expected a label key'],
    ['app<x', 'expected a whole number'],
    ['=web', 'expected a label key at character 1'],
    ['Example.com/app=x', 'not a valid label key'],
  ])('rejects %j with a message', (text, message) => {
    const result = parseSelector(text);
    expect(result.error).toContain('Invalid label selector');
    expect(result.error).toContain(message);
  });
});

describe('matchesSelector', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['tier in (front,back)', true],
    ['tier notin (front)', false],
    ['missing notin (x)', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['version>2', true],
    ['version<3', false],
    ['app>1', false],
    ['app=web,tier=back', false],
    ['app=web,tier=front', true],
  ])('%j on app=web,tier=front,version=3 → %s', (text, expected) => {
    expect(matchesSelector(parsed(text), web)).toBe(expected);
  });

  it('does not see properties every object inherits as labels', () => {
    expect(matchesSelector(parsed('constructor'), {})).toBe(false);
  });
});

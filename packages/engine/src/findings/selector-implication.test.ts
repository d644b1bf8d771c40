import type { LabelSelector } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { compileSelector, type CompiledSelector } from '../label-selector.ts';
import { selectorImplies } from './selector-implication.ts';

const compiled = (selector: LabelSelector): CompiledSelector => {
  const result = compileSelector(selector);
  if (result.error !== undefined) throw new Error(result.error);
  return result.selector;
};
const expression = (key: string, operator: string, values?: string[]) => ({
  matchExpressions: [{ key, operator, ...(values ? { values } : {}) }],
});

describe('selectorImplies', () => {
  it.each<[string, LabelSelector, LabelSelector, boolean]>([
    ['anything implies {}', { matchLabels: { app: 'web' } }, {}, true],
    ['{} implies only {}', {}, { matchLabels: { app: 'web' } }, false],
    [
      'more labels imply fewer',
      { matchLabels: { app: 'web', tier: 'front' } },
      { matchLabels: { app: 'web' } },
      true,
    ],
    [
      'fewer labels do not imply more',
      { matchLabels: { app: 'web' } },
      { matchLabels: { app: 'web', tier: 'front' } },
      false,
    ],
    ['another value', { matchLabels: { app: 'web' } }, { matchLabels: { app: 'db' } }, false],
    ['In a subset', expression('app', 'In', ['web']), expression('app', 'In', ['web', 'db']), true],
    ['In a superset', expression('app', 'In', ['web', 'db']), expression('app', 'In', ['web']), false],
    ['In implies Exists', { matchLabels: { app: 'web' } }, expression('app', 'Exists'), true],
    ['Exists does not imply In', expression('app', 'Exists'), { matchLabels: { app: 'web' } }, false],
    [
      'In implies NotIn of other values',
      { matchLabels: { app: 'web' } },
      expression('app', 'NotIn', ['db']),
      true,
    ],
    [
      'In does not imply NotIn of its value',
      { matchLabels: { app: 'web' } },
      expression('app', 'NotIn', ['web']),
      false,
    ],
    [
      'NotIn more implies NotIn fewer',
      expression('app', 'NotIn', ['a', 'b']),
      expression('app', 'NotIn', ['a']),
      true,
    ],
    [
      'NotIn fewer does not imply NotIn more',
      expression('app', 'NotIn', ['a']),
      expression('app', 'NotIn', ['a', 'b']),
      false,
    ],
    [
      'DoesNotExist implies NotIn',
      expression('app', 'DoesNotExist'),
      expression('app', 'NotIn', ['a']),
      true,
    ],
    [
      'DoesNotExist implies DoesNotExist',
      expression('app', 'DoesNotExist'),
      expression('app', 'DoesNotExist'),
      true,
    ],
    [
      'NotIn does not imply DoesNotExist',
      expression('app', 'NotIn', ['a']),
      expression('app', 'DoesNotExist'),
      false,
    ],
    ['Exists implies Exists', expression('app', 'Exists'), expression('app', 'Exists'), true],
    ['another key', { matchLabels: { tier: 'front' } }, expression('app', 'Exists'), false],
  ])('%s', (_title, narrow, wide, expected) => {
    expect(selectorImplies(compiled(narrow), compiled(wide))).toBe(expected);
  });
});

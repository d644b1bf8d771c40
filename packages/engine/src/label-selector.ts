import type { LabelSelector, MatchResult } from '@netmap/model';
import { isNotList, isNotObject } from './input-shape.ts';

/** Labels of an object. */
export type Labels = Readonly<Record<string, string>>;

/**
 * What is known of an object's labels: `complete: false` when only some are known (e.g. a namespace
 * that could not be read still carries `kubernetes.io/metadata.name`).
 */
export interface LabelFacts {
  labels: Labels;
  complete: boolean;
}

type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

interface Requirement {
  key: string;
  operator: Operator;
  values: ReadonlySet<string>;
}

/** A validated label selector, ready to match. */
export interface CompiledSelector {
  /** Canonical text, equal for selectors that select the same objects by construction. */
  key: string;
  /** True for `{}`, which selects everything. */
  isEmpty: boolean;
  requirements: readonly Requirement[];
}

/** The result of compiling: a selector, or the reason the API server would reject it. */
export type SelectorCompilation = { selector: CompiledSelector; error?: undefined } | { error: string };

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A label's value; undefined when absent (never a property inherited from Object, e.g. `constructor`). */
export function labelValue(labels: Labels, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** Validates a label key as metav1 does: an optional DNS-subdomain prefix and a name of up to 63 characters. */
export function isValidLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && NAME.test(name);
}

/** Validates a label value: empty, or up to 63 alphanumerics with `-_.` inside. */
export function isValidLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}

/** Compiles a LabelSelector, validating it as the API server would (matchLabels become `In` requirements). */
export function compileSelector(selector: LabelSelector): SelectorCompilation {
  if (isNotObject(selector)) return { error: 'must be a label selector' };
  if (isNotObject(selector.matchLabels)) return { error: 'matchLabels must be a map of labels' };
  if (isNotList(selector.matchExpressions)) return { error: 'matchExpressions must be a list' };
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (typeof value !== 'string') return { error: `matchLabels["${key}"] must be a string` };
    const problem = checkKey(key) ?? checkValue(key, value);
    if (problem) return { error: problem };
    requirements.push({ key, operator: 'In', values: new Set([value]) });
  }
  for (const [index, expression] of (selector.matchExpressions ?? []).entries()) {
    const compiled = compileRequirement(isNotObject(expression) ? {} : (expression ?? {}), index);
    if ('error' in compiled) return compiled;
    requirements.push(compiled);
  }
  requirements.sort((a, b) => (a.key + a.operator < b.key + b.operator ? -1 : 1));
  const key = requirements
    .map((r) => `${r.key} ${r.operator} (${[...r.values].sort().join(',')})`)
    .join('; ');
  return { selector: { key, isEmpty: requirements.length === 0, requirements } };
}

function compileRequirement(
  expression: { key?: unknown; operator?: unknown; values?: unknown },
  index: number,
): Requirement | { error: string } {
  const where = `matchExpressions[${index}]`;
  const { key, operator } = expression;
  if (typeof key !== 'string') return { error: `${where}.key is required` };
  const keyProblem = checkKey(key);
  if (keyProblem) return { error: `${where}: ${keyProblem}` };
  if (typeof operator !== 'string' || !OPERATORS.includes(operator)) {
    return {
      error: `${where}: operator "${String(operator)}" is not one of In, NotIn, Exists, DoesNotExist`,
    };
  }
  const values = expression.values ?? [];
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
    return { error: `${where}.values must be a list of strings` };
  }
  const needsValues = operator === 'In' || operator === 'NotIn';
  if (needsValues && values.length === 0) return { error: `${where}: operator ${operator} needs values` };
  if (!needsValues && values.length > 0) return { error: `${where}: operator ${operator} takes no values` };
  for (const value of values as string[]) {
    const problem = checkValue(key, value);
    if (problem) return { error: `${where}: ${problem}` };
  }
  return { key, operator: operator as Operator, values: new Set(values as string[]) };
}

function checkKey(key: string): string | undefined {
  return isValidLabelKey(key) ? undefined : `"${key}" is not a valid label key`;
}

function checkValue(key: string, value: string): string | undefined {
  return isValidLabelValue(value) ? undefined : `"${value}" is not a valid label value for "${key}"`;
}

/** Whether the selector selects an object with these labels; "unknown" only when a label it needs is unknown. */
export function matchSelector(selector: CompiledSelector, facts: LabelFacts): MatchResult {
  let result: MatchResult = 'match';
  for (const requirement of selector.requirements) {
    const value = labelValue(facts.labels, requirement.key);
    if (value === undefined && !facts.complete) {
      result = 'unknown';
      continue;
    }
    if (!matchRequirement(requirement, value)) return 'no-match';
  }
  return result;
}

/** Fast path for objects whose labels are all known. */
export function selects(selector: CompiledSelector, labels: Labels): boolean {
  for (const requirement of selector.requirements) {
    if (!matchRequirement(requirement, labelValue(labels, requirement.key))) return false;
  }
  return true;
}

function matchRequirement(requirement: Requirement, value: string | undefined): boolean {
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.has(value);
    case 'NotIn':
      return value === undefined || !requirement.values.has(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
}

/** Short human form of a selector, for explanations: `app=web, tier in (a,b)`; empty for `{}`. */
export function describeSelector(selector: CompiledSelector): string {
  if (selector.isEmpty) return '';
  return selector.requirements
    .map((r) => {
      const values = [...r.values];
      if (r.operator === 'In' && values.length === 1) return `${r.key}=${values[0]}`;
      if (r.operator === 'Exists') return r.key;
      if (r.operator === 'DoesNotExist') return `!${r.key}`;
      return `${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})`;
    })
    .join(', ');
}

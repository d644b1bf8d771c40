import { isValidLabelKey, isValidLabelValue } from './label-selector.ts';

/**
 * Label selectors in kubectl's text syntax (`app=web,tier in (a,b),!legacy`), as
 * `kubectl get -l` reads them: requirements joined by commas, all of which must hold.
 */

/** One requirement of a selector. */
export type Requirement =
  | { key: string; operator: 'in' | 'notin'; values: string[] }
  | { key: string; operator: 'exists' | 'doesnotexist' }
  | { key: string; operator: 'gt' | 'lt'; value: number };

/** A parsed selector; no requirements selects everything. */
export interface Selector {
  requirements: Requirement[];
}

/** A selector, or why the text is not one (for the user, with the position it went wrong at). */
export type SelectorParse = { selector: Selector; error?: undefined } | { error: string };

type Token = { type: 'word'; text: string; at: number } | { type: 'op'; text: string; at: number };

const OPERATOR_TOKENS = ['==', '!=', '=', '!', '(', ')', ',', '<', '>'];

class SelectorError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at]!)) {
      at++;
      continue;
    }
    const op = OPERATOR_TOKENS.find((candidate) => text.startsWith(candidate, at));
    if (op) {
      tokens.push({ type: 'op', text: op, at });
      at += op.length;
      continue;
    }
    const start = at;
    while (at < text.length && !/[\s=!(),<>]/.test(text[at]!)) at++;
    tokens.push({ type: 'word', text: text.slice(start, at), at: start });
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(): Selector {
    const requirements: Requirement[] = [];
    if (this.tokens.length === 0) return { requirements };
    for (;;) {
      requirements.push(this.requirement());
      const next = this.take();
      if (!next) return { requirements };
      if (next.text !== ',' || next.type !== 'op') this.fail(`expected "," before "${next.text}"`, next.at);
    }
  }

  private requirement(): Requirement {
    const first = this.take();
    if (first?.type === 'op' && first.text === '!') return { key: this.key(), operator: 'doesnotexist' };
    this.index--;
    const key = this.key();
    const next = this.peek();
    if (!next || next.text === ',') return { key, operator: 'exists' };
    this.index++;
    if (next.type === 'word' && (next.text === 'in' || next.text === 'notin'))
      return { key, operator: next.text, values: this.valueSet(next.text) };
    if (next.text === '=' || next.text === '==') return { key, operator: 'in', values: [this.value()] };
    if (next.text === '!=') return { key, operator: 'notin', values: [this.value()] };
    if (next.text === '<' || next.text === '>')
      return { key, operator: next.text === '<' ? 'lt' : 'gt', value: this.integer() };
    return this.fail(`expected an operator (=, ==, !=, in, notin) after "${key}"`, next.at);
  }

  private key(): string {
    const token = this.take();
    if (token?.type !== 'word') return this.fail('expected a label key', token?.at);
    if (!isValidLabelKey(token.text)) this.fail(`"${token.text}" is not a valid label key`, token.at);
    return token.text;
  }

  private value(): string {
    const token = this.peek();
    if (token?.type !== 'word') return '';
    this.index++;
    if (!isValidLabelValue(token.text)) this.fail(`"${token.text}" is not a valid label value`, token.at);
    return token.text;
  }

  private integer(): number {
    const token = this.take();
    if (token?.type !== 'word' || !/^-?\d+$/.test(token.text))
      return this.fail('expected a whole number after "<" or ">"', token?.at);
    return Number(token.text);
  }

  private valueSet(operator: string): string[] {
    const open = this.take();
    if (open?.text !== '(') this.fail(`expected "(" after "${operator}"`, open?.at);
    const values: string[] = [];
    for (;;) {
      values.push(this.value());
      const next = this.take();
      if (next?.text === ')') break;
      if (next?.text !== ',') this.fail('expected "," or ")" in the list of values', next?.at);
    }
    if (values.length === 1 && values[0] === '')
      this.fail(`"${operator}" needs at least one value`, open?.at);
    return values;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private take(): Token | undefined {
    return this.tokens[this.index++];
  }

  private fail(message: string, at: number = this.length): never {
    throw new SelectorError(`${message} ${at >= this.length ? 'at the end' : `at character ${at + 1}`}`);
  }
}

/** Parses kubectl's selector syntax; an empty text selects everything. Never throws. */
export function parseSelector(text: string): SelectorParse {
  try {
    return { selector: new Parser(tokenize(text), text.length).parse() };
  } catch (error) {
    if (error instanceof SelectorError) return { error: `Invalid label selector: ${error.message}` };
    throw error;
  }
}

/** Whether labels satisfy every requirement (`!=` and `notin` also hold when the key is absent). */
export function matchesSelector(selector: Selector, labels: Readonly<Record<string, string>>): boolean {
  return selector.requirements.every((requirement) => {
    const value = Object.hasOwn(labels, requirement.key) ? labels[requirement.key] : undefined;
    switch (requirement.operator) {
      case 'exists':
        return value !== undefined;
      case 'doesnotexist':
        return value === undefined;
      case 'in':
        return value !== undefined && requirement.values.includes(value);
      case 'notin':
        return value === undefined || !requirement.values.includes(value);
      case 'gt':
      case 'lt': {
        if (value === undefined || !/^-?\d+$/.test(value)) return false;
        return requirement.operator === 'gt'
          ? Number(value) > requirement.value
          : Number(value) < requirement.value;
      }
    }
  });
}

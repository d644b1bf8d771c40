import { Schema, Type } from 'js-yaml';

// The YAML 1.2 core schema's numbers, tested in the `yaml` package's order and with its
// patterns, so both parsers read `017`, `0o17`, `1_000` and `.5` the same way.
const NUMBERS: readonly { pattern: RegExp; construct: (text: string) => number }[] = [
  { pattern: /^0o[0-7]+$/, construct: (text) => parseInt(text.substring(2), 8) },
  { pattern: /^[-+]?[0-9]+$/, construct: (text) => parseInt(text, 10) },
  { pattern: /^0x[0-9a-fA-F]+$/, construct: (text) => parseInt(text.substring(2), 16) },
  {
    pattern: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    construct: (text) =>
      text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity,
  },
  { pattern: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, construct: parseFloat },
  { pattern: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, construct: parseFloat },
];

const NULLS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['true', 'True', 'TRUE'].map((text) => [text, true] as const),
  ...['false', 'False', 'FALSE'].map((text) => [text, false] as const),
]);

// How nulls, booleans and numbers start; most keys and strings start otherwise.
const NULL_OR_BOOLEAN_START = new Set([...'~nNtTfF'].map((char) => char.charCodeAt(0)));
const NUMBER_START = new Set([...'0123456789+-.'].map((char) => char.charCodeAt(0)));

/**
 * The value of a plain (unquoted) scalar under the YAML 1.2 core schema: null, a boolean, a
 * number, or the text itself (`on`, `yes` and `no` among them, booleans only in YAML 1.1).
 */
export function resolveCoreScalar(text: string): unknown {
  const first = text.charCodeAt(0);
  if (NUMBER_START.has(first)) {
    for (const { pattern, construct } of NUMBERS) if (pattern.test(text)) return construct(text);
  } else if (text === '' || (text.length <= 5 && NULL_OR_BOOLEAN_START.has(first))) {
    if (NULLS.has(text)) return null;
    const boolean = BOOLEANS.get(text);
    if (boolean !== undefined) return boolean;
  }
  return text;
}

// The tag is netmap's own, so that no explicit tag in a document (`!!int`, `!!map`, `!Ref`) is
// known to js-yaml: it throws on them, and the reference parser reads those documents instead.
const coreScalar = new Type('tag:netmap,2024:core-scalar', {
  kind: 'scalar',
  resolve: (text: unknown) => {
    // A merge key is left to the reference parser, whose merge semantics netmap keeps.
    if (text === '<<') throw new Error('merge keys are read by the yaml package');
    return typeof text === 'string' && typeof resolveCoreScalar(text) !== 'string';
  },
  construct: (text: string) => resolveCoreScalar(text),
});

/** A js-yaml schema that reads plain scalars as the `yaml` package does, and knows no tags. */
export const CORE_SCHEMA = new Schema({ implicit: [coreScalar], explicit: [] });

import { MAX_NESTING_DEPTH } from './check-nesting.ts';
import { ManifestError } from './manifest-error.ts';
import type { ParsedDocument } from './parse-documents.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** What a scan of valid JSON text finds, for line numbers and the nesting bound. */
export interface JsonScan {
  /** Line of the first value. */
  line: number;
  /** Lines of the entries of the top-level array, or of the top-level object's `items` array. */
  itemLines: number[];
  /** Line of the first bracket nested deeper than the limit, if any. */
  tooDeepLine?: number;
}

/**
 * Parses a JSON manifest with the native parser: on a 50 MB `kubectl get -o json` dump it is
 * a hundred times faster than a YAML parser. Returns undefined when the text is not strict JSON,
 * so the caller can hand it to the YAML parser, which locates the error (or accepts lenient JSON).
 */
export function parseJsonDocument(source: string, file: string): ParsedDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  const scan = scanJson(source, MAX_NESTING_DEPTH);
  if (scan.tooDeepLine !== undefined) throw new ManifestError(file, scan.tooDeepLine, 'nested too deeply');
  return { value, line: scan.line, itemLines: scan.itemLines };
}

/**
 * Finds, in valid JSON text, where the value and its list entries start, and the first bracket
 * nested deeper than `maxDepth`. One pass over the text, with no structure built.
 */
export function scanJson(text: string, maxDepth: number): JsonScan {
  const scan: JsonScan = { line: 0, itemLines: [] };
  let line = 1;
  let depth = 0;
  let listDepth = -1; // depth inside the array whose entries are items
  let isAwaitingItem = false;
  let isRootObject = false;
  let lastString = ''; // at depth 1 of an object, the key before a value
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === NEWLINE) line += 1;
    if (code <= 0x20) continue; // JSON whitespace: space, tab, CR, LF
    if (scan.line === 0) scan.line = line;
    const char = text[index];
    if (isAwaitingItem && char !== ']') scan.itemLines.push(line);
    isAwaitingItem = false;
    if (code === QUOTE) {
      const end = endOfString(text, index);
      if (depth === 1 && isRootObject) lastString = text.slice(index + 1, end);
      index = end; // valid JSON strings hold no raw newline
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (depth > maxDepth) return { ...scan, tooDeepLine: line };
      if (depth === 1) isRootObject = char === '{';
      const isList = char === '[' && (depth === 1 || (depth === 2 && isRootObject && lastString === 'items'));
      if (isList) {
        // A repeated "items" key: JSON.parse keeps the last one, and so does this.
        scan.itemLines = [];
        listDepth = depth;
        isAwaitingItem = true;
      }
    } else if (char === '}' || char === ']') {
      if (depth === listDepth) listDepth = -1;
      depth -= 1;
    } else if (char === ',' && depth === listDepth) {
      isAwaitingItem = true;
    }
  }
  return scan;
}

function endOfString(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  // A quote preceded by an odd number of backslashes is escaped.
  while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end === -1 ? text.length : end;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let index = quote - 1; text.charCodeAt(index) === BACKSLASH; index -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

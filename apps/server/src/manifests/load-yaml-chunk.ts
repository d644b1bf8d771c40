import { loadAll } from 'js-yaml';
import type { LoadOptions } from 'js-yaml';
import { MAX_NESTING_DEPTH } from './check-nesting.ts';
import { isMapping } from './classify-object.ts';
import { CORE_SCHEMA } from './core-schema.ts';
import { DivergenceGuard } from './divergence-guard.ts';
import { LineTracker } from './line-tracker.ts';
import type { TrackedDocument } from './line-tracker.ts';
import type { LoaderState } from './loader-state.ts';
import type { ParsedDocument } from './parse-documents.ts';
import type { DocumentChunk } from './split-documents.ts';

const DOCUMENT_END = /^\.\.\.(?:\s|$)/m;
const STARTS_WITH_MARKER = /^(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*(?:---|\.\.\.)/;

/**
 * Parses one part of a YAML stream with js-yaml, ten times faster than the `yaml` package and
 * with a fraction of its memory. Returns undefined for whatever it might not read exactly as the
 * `yaml` package does — errors, tags, anchors and aliases, merge keys, keys that are not
 * strings, nesting at the limit, and rarer forms (see DivergenceGuard) — which the caller then
 * hands to the `yaml` package.
 */
export function loadYamlChunk(chunk: DocumentChunk): ParsedDocument[] | undefined {
  // js-yaml takes `---x` and a tab-indented `---` at the start for a marker; the yaml package
  // takes the first for text and refuses the second.
  if (!chunk.isExplicit && STARTS_WITH_MARKER.test(chunk.text)) return undefined;
  // An explicit key may be null or a collection, which the two packages name apart; it is rare.
  // So is a blank line holding a tab, which the yaml package refuses after a block scalar, and
  // spaces ending the stream with no line break, which js-yaml ends with one (`|+` keeps it).
  const { text } = chunk;
  if (hasExplicitKey(text) || hasBlankLineWithTab(text) || /\n[ \t]+$/.test(text)) return undefined;
  const guard = new DivergenceGuard();
  const tracker = new LineTracker();
  const options: LoadOptions & { maxDepth: number } = {
    schema: CORE_SCHEMA,
    // js-yaml counts scalars as a level too: 100 levels of it are at most 100 collections.
    maxDepth: MAX_NESTING_DEPTH,
    listener: (event, state) => {
      guard.track(event, state as unknown as LoaderState);
      tracker.track(event, state as unknown as LoaderState);
    },
    // js-yaml only warns where the `yaml` package refuses: flow collections indented too little.
    onWarning: (warning) => {
      throw warning;
    },
  };
  let values: unknown[];
  try {
    values = loadAll(text, null, options);
  } catch {
    return undefined;
  }
  const [document, ...more] = tracker.documents;
  if (!document || more.length > 0 || values.length !== 1) return undefined;
  return toParsedDocuments(values[0] ?? null, document, chunk);
}

function toParsedDocuments(
  value: unknown,
  document: TrackedDocument,
  chunk: DocumentChunk,
): ParsedDocument[] | undefined {
  // js-yaml reads a stream of comments as one empty document; the `yaml` package reads none
  // (unless a `...` ends it), and places an empty document after `---` at that marker.
  if (document.rootKind === null) {
    if (chunk.isExplicit) return [{ value: null, line: chunk.line, itemLines: [] }];
    return DOCUMENT_END.test(chunk.text) ? undefined : [];
  }
  // The `yaml` package refuses a block collection on the `---` line (`--- a: 1`). A flow
  // collection at the root (`[a, b]`, rare outside JSON) leaves the lines one level off.
  if (chunk.isExplicit && document.rootLine === 0 && document.rootKind !== 'scalar') return undefined;
  if (document.isWrapped) return undefined;
  const items = Array.isArray(value) ? value : isMapping(value) ? value.items : undefined;
  const itemLines = Array.isArray(value) ? document.rootItemLines : document.listItemLines;
  // A flow pair (`[a: 1]`) has two nodes and an empty entry (`- `) none: lines would not line up.
  if (Array.isArray(items) && itemLines.length !== items.length) return undefined;
  return [
    {
      value,
      line: chunk.line + document.rootLine,
      itemLines: Array.isArray(items) ? itemLines.map((line) => chunk.line + line) : [],
    },
  ];
}

// A `?` indicator: after a space, a line start or a flow indicator, before a space or line end.
function hasExplicitKey(text: string): boolean {
  for (let index = text.indexOf('?'); index !== -1; index = text.indexOf('?', index + 1)) {
    const before = text[index - 1] ?? '\n';
    const after = text[index + 1] ?? '\n';
    if (' \t\r\n[{,:'.includes(before) && ' \t\r\n'.includes(after)) return true;
  }
  return false;
}

function hasBlankLineWithTab(text: string): boolean {
  for (let index = text.indexOf('\t'); index !== -1; index = text.indexOf('\t', index + 1)) {
    const start = text.lastIndexOf('\n', index) + 1;
    const end = text.indexOf('\n', index);
    if (text.slice(start, end === -1 ? text.length : end).trim() === '') return true;
  }
  return false;
}

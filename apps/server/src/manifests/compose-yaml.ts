import { Composer, isMap, isNode, isPair, isSeq, LineCounter, Parser } from 'yaml';
import type { Document, Node } from 'yaml';
import { checkNesting } from './check-nesting.ts';
import type { NestingProblem } from './check-nesting.ts';
import { ManifestError } from './manifest-error.ts';
import type { ParsedDocument } from './parse-documents.ts';

/** Most alias expansions per document: the `yaml` package's guard against "billion laughs". */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses a YAML stream with the `yaml` package, building its full node tree: slow on large
 * files, but precise. It is the reference for what netmap reads, and what locates every error:
 * syntax errors, alias bombs and deep nesting throw a ManifestError at `file:line`.
 * `firstLine` is the line of `source` in the file, when `source` is a part of it.
 */
export function* composeYamlDocuments(
  source: string,
  file: string,
  firstLine = 1,
): Generator<ParsedDocument> {
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const parser = new Parser(lineCounter.addNewLine);
  // prettyErrors off: messages stay one line and never quote the input (which may hold secrets).
  // merge on: Kubernetes' YAML decoder honours `<<` merge keys.
  const composer = new Composer({ prettyErrors: false, logLevel: 'error', merge: true });
  for (const doc of composer.compose(parser.parse(source))) {
    const contents = doc.contents as Node | null;
    const line = lineAt(contents?.range?.[0] ?? doc.range[0]);
    throwFirstError(doc, file, lineAt);
    const problem = checkNesting(contents);
    if (problem) {
      throw new ManifestError(file, lineAt(startOf(problem.node) ?? doc.range[0]), describe(problem));
    }
    yield { value: toPlainData(doc, file, line), line, itemLines: itemLinesOf(contents, line, lineAt) };
  }
}

function describe(problem: NestingProblem): string {
  if (problem.type === 'too-deep') return 'nested too deeply';
  const alias = `*${problem.node.source}`;
  if (problem.type === 'recursive-alias') return `alias ${alias} refers to a node enclosing it`;
  return `alias ${alias} has no anchor &${problem.node.source} before it`;
}

function throwFirstError(doc: Document, file: string, lineAt: (offset: number) => number): void {
  const error = doc.errors[0];
  if (!error) return;
  // The composer turns a stack overflow on deep nesting into this code.
  const reason = error.code === 'RESOURCE_EXHAUSTION' ? 'nested too deeply' : error.message;
  throw new ManifestError(file, lineAt(error.pos[0]), reason);
}

function toPlainData(doc: Document, file: string, line: number): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // An alias bomb fails here, after at most MAX_ALIAS_COUNT expansions: fast, whatever its size.
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.startsWith('Excessive alias count')
      ? `too many aliases (over ${MAX_ALIAS_COUNT} expansions): is this a "billion laughs" document?`
      : message;
    throw new ManifestError(file, line, reason);
  }
}

function itemLinesOf(contents: Node | null, line: number, lineAt: (offset: number) => number): number[] {
  const list = isMap(contents) ? contents.get('items', true) : contents;
  return isSeq(list) ? list.items.map((item) => lineAt(startOf(item) ?? line)) : [];
}

function startOf(node: unknown): number | undefined {
  if (isPair(node)) return startOf(node.key);
  return isNode(node) ? node.range?.[0] : undefined;
}

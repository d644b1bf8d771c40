import { composeYamlDocuments } from './compose-yaml.ts';
import { loadYamlChunk } from './load-yaml-chunk.ts';
import { ManifestError } from './manifest-error.ts';
import { parseJsonDocument } from './parse-json.ts';
import { splitDocuments } from './split-documents.ts';
import type { DocumentChunk } from './split-documents.ts';

/** One YAML (or JSON) document as plain data, with the lines where it and its list entries start. */
export interface ParsedDocument {
  /** The document as plain data; `null` for an empty document. */
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Lines of the entries of a top-level sequence, or of a top-level mapping's `items`; else empty. */
  itemLines: number[];
}

/**
 * Parses a manifest file's text one document at a time, so a caller counting documents can stop
 * early: JSON with the native parser, anything else (and JSON it refuses) as a YAML stream.
 * YAML is read document by document with js-yaml, which is fast; the `yaml` package, slow but
 * the reference, reads what js-yaml would read differently and locates every error.
 * Syntax errors, alias bombs and deep nesting throw a ManifestError at `file:line`.
 */
export function* parseDocuments(source: string, file: string): Generator<ParsedDocument> {
  const json = looksLikeJson(source) ? parseJsonDocument(source, file) : undefined;
  if (json) {
    yield json;
    return;
  }
  yield* parseYamlDocuments(source, file);
}

// JSON text starts with an object or an array; YAML rarely does, and then it is often JSON.
function looksLikeJson(source: string): boolean {
  const first = /\S/.exec(source)?.[0];
  return first === '{' || first === '[';
}

function* parseYamlDocuments(source: string, file: string): Generator<ParsedDocument> {
  // Directives (`%YAML 1.1` changes what `on` means) and carriage returns not followed by a line
  // feed (line breaks to js-yaml only) are rare: the reference parser reads such streams whole.
  if (/^%/m.test(source) || /\r(?!\n)/.test(source)) {
    yield* composeYamlDocuments(source, file);
    return;
  }
  // Each part's document is held until the next part reads without error: the yaml package may
  // blame a document for an error at the start of the next one.
  let held: { chunk: DocumentChunk; documents: ParsedDocument[] } | undefined;
  for (const chunk of splitDocuments(source)) {
    const documents = loadYamlChunk(chunk) ?? composeChunk(chunk, file);
    if (!documents) {
      // Read on from the held part to the end, to meet and locate the error as reading the whole
      // stream would.
      const from = held?.chunk ?? chunk;
      yield* composeYamlDocuments(source.slice(from.offset), file, from.line);
      return;
    }
    if (held) yield* held.documents;
    held = { chunk, documents };
  }
  if (held) yield* held.documents;
}

// The reference parser on one part; undefined if it finds an error there.
function composeChunk(chunk: DocumentChunk, file: string): ParsedDocument[] | undefined {
  try {
    return [...composeYamlDocuments(chunk.text, file, chunk.line)];
  } catch (error) {
    if (error instanceof ManifestError) return undefined;
    throw error;
  }
}

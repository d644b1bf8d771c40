/** A part of a YAML stream that holds at most one document. */
export interface DocumentChunk {
  text: string;
  /** Where `text` starts in the stream. */
  offset: number;
  /** 1-based line where `text` starts. */
  line: number;
  /** Whether `text` starts with a `---` marker. */
  isExplicit: boolean;
}

/**
 * Cuts a YAML stream before each `---` line and after each `...` line, so that each part holds
 * at most one document and can be parsed on its own. Such a line, `---` or `...` at the start of
 * a line and followed by a space, a tab or the line's end, always starts or ends a document: no
 * scalar or collection may hold it (YAML 1.2, "c-forbidden").
 */
export function* splitDocuments(source: string): Generator<DocumentChunk> {
  let line = 1;
  let dashes = -1; // the next `---` line after the part's start
  let dots = -1; // the next `...` line from the part's start on
  for (let start = 0; start < source.length;) {
    if (dashes <= start) dashes = nextMarker(source, start + 1, '-');
    if (dots < start) dots = nextMarker(source, start, '.');
    const end = Math.min(dashes, endOfLine(source, dots));
    yield { text: source.slice(start, end), offset: start, line, isExplicit: isMarkerAt(source, start, '-') };
    line += countNewlines(source, start, end);
    start = end;
  }
}

/** Offset of the first marker line at or after offset `from`, or the length of `text`. */
function nextMarker(text: string, from: number, char: '-' | '.'): number {
  if ((from === 0 || text[from - 1] === '\n') && isMarkerAt(text, from, char)) return from;
  const needle = `\n${char}${char}${char}`;
  for (let index = text.indexOf(needle, from); index !== -1; index = text.indexOf(needle, index + 1)) {
    if (isMarkerAt(text, index + 1, char)) return index + 1;
  }
  return text.length;
}

function endOfLine(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
}

function isMarkerAt(text: string, at: number, char: '-' | '.'): boolean {
  if (text[at] !== char || text[at + 1] !== char || text[at + 2] !== char) return false;
  const next = text[at + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

function countNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (
    let index = text.indexOf('\n', start);
    index !== -1 && index < end;
    index = text.indexOf('\n', index + 1)
  ) {
    count += 1;
  }
  return count;
}

/** What js-yaml's loader shows its listener: its internal state (js-yaml 4), as far as netmap reads it. */
export interface LoaderState {
  /** The text parsed, ended by a NUL. */
  input: string;
  /** Where the node starts ('open': past the spaces before it, or before them after a `:`) or ends ('close'). */
  position: number;
  /** 0-based line of `position`. */
  line: number;
  /** Nodes open, this one included: 1 for a document's root. */
  depth: number;
  /** On 'close': `mapping`, `sequence`, `scalar`, or null for an empty node (or an alias). */
  kind: string | null;
  result: unknown;
  tag: string | null;
  anchor: string | null;
}

/** A listener event of js-yaml's loader: a node opens, or closes. */
export type LoaderEvent = 'open' | 'close';

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const HASH = 0x23;
const EXCLAMATION_MARK = 0x21;

/**
 * The first character from `position` on that is not a space, a line break, a comment or a tag
 * (`!`, `!!str`): after a node that closes, what follows it; for a node that opens, how it starts.
 */
export function nextChar(input: string, position: number): string {
  return input[nextIndex(input, position)] ?? '';
}

/** Where the character `nextChar` returns is. */
export function nextIndex(input: string, position: number): number {
  // Most nodes open at their first character.
  const first = input.charCodeAt(position);
  if (first > SPACE && first !== HASH && first !== EXCLAMATION_MARK) return position;
  let index = position;
  for (;;) {
    const code = input.charCodeAt(index);
    if (isSpace(code)) index += 1;
    else if (code === HASH) index = endOfLine(input, index);
    else if (code === EXCLAMATION_MARK) index = endOfToken(input, index);
    else return index;
  }
}

/** The 0-based line of `index`, at or after the loader's position. */
export function lineAt({ input, position, line }: LoaderState, index: number): number {
  let lines = line;
  let at = input.indexOf('\n', position);
  while (at !== -1 && at < index) {
    lines += 1;
    at = input.indexOf('\n', at + 1);
  }
  return lines;
}

function endOfLine(input: string, index: number): number {
  const end = input.indexOf('\n', index);
  return end === -1 ? input.length : end;
}

function endOfToken(input: string, index: number): number {
  let end = index;
  while (end < input.length && !isSpace(input.charCodeAt(end))) end += 1;
  return end;
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN;
}

import { nextChar, nextIndex } from './loader-state.ts';
import type { LoaderEvent, LoaderState } from './loader-state.ts';

const HASH = 0x23;
const OPEN_BRACE = 0x7b;
const PIPE = 0x7c;
const GREATER_THAN = 0x3e;

/**
 * Follows js-yaml's listener events and throws, to stop the load, on what js-yaml reads
 * differently from the `yaml` package: anchors (so aliases and the limit on their expansion),
 * mapping keys that are null or collections (js-yaml names `~: 1` "null" and `[a]: 1` "a", the
 * `yaml` package "" and "[ a ]"), tags on empty nodes, empty sequence entries, block scalars
 * with an indentation indicator (`|2`); and, which the `yaml` package refuses, a comment right
 * after a node (`[a]#c`) and a tab before the root.
 * Explicit keys (`? key`) are found before parsing.
 */
export class DivergenceGuard {
  // For each depth: whether the node there is a flow mapping (`{`), whether its next entry
  // starts with a key, whether the node there is a key of a flow mapping, how many nodes opened
  // directly in it, and what the last of them read.
  private readonly isFlowMapping: boolean[] = [false];
  private readonly isAwaitingKey: boolean[] = [false];
  private readonly isFlowKey: boolean[] = [false];
  private readonly children: number[] = [0];
  private readonly lastRead: unknown[] = [];
  private readonly starts: number[] = [-1]; // where the node at each depth starts

  track(event: LoaderEvent, state: LoaderState): void {
    if (event === 'open') this.open(state);
    else this.close(state);
  }

  // js-yaml's state is a large object: each of its fields is read once.
  private open(state: LoaderState): void {
    const { depth, input } = state;
    const start = nextIndex(input, state.position);
    const char = input.charCodeAt(start);
    this.children[depth - 1] = (this.children[depth - 1] ?? 0) + 1;
    this.children[depth] = 0;
    this.lastRead[depth + 1] = undefined;
    // In a flow mapping an entry may be a key alone, with no `:` after it: `{a, [b]}`. A node
    // starting where its parent does is the parent read again (`- {a: 1}`), not an entry.
    const isEntry = this.isFlowMapping[depth - 1] === true && start !== this.starts[depth - 1];
    this.isFlowKey[depth] = isEntry && this.isAwaitingKey[depth - 1] === true;
    this.starts[depth] = start;
    this.isFlowMapping[depth] = char === OPEN_BRACE;
    this.isAwaitingKey[depth] = true;
    if ((char === PIPE || char === GREATER_THAN) && hasIndentationIndicator(input, start)) {
      throw new Error('block scalars with an indentation indicator are read by the yaml package');
    }
    // The yaml package refuses a tab before the root on its line; js-yaml does not.
    if (depth === 1 && input[input.lastIndexOf('\n', start - 1) + 1] === '\t') {
      throw new Error('tabs are not allowed as indentation');
    }
  }

  private close(state: LoaderState): void {
    const { depth, kind, result, input, position } = state;
    if (state.anchor !== null) throw new Error('anchors are read by the yaml package');
    if (kind === null && state.tag !== null) {
      throw new Error('tagged empty nodes are read by the yaml package');
    }
    if (input.charCodeAt(position) === HASH) throw new Error('comments must follow a space');
    const isFlowKey = this.isFlowKey[depth] === true;
    // Most nodes are strings and numbers in block mappings: what follows them does not matter.
    const isCollectionOrNull = result === null || typeof result === 'object';
    const hasValue = (isCollectionOrNull || isFlowKey) && nextChar(input, position) === ':';
    if (isCollectionOrNull && (hasValue || isFlowKey)) {
      throw new Error('keys that are not strings are read by the yaml package');
    }
    if (this.isFlowMapping[depth - 1]) this.isAwaitingKey[depth - 1] = !(isFlowKey && hasValue);
    // An empty entry (`-` alone) opens no node. After one, js-yaml takes a less indented `- x`
    // for an entry too (`- - a\n  -\n- b`), where the yaml package sees the outer sequence.
    const isWrapped = result === this.lastRead[depth + 1]; // read as a would-be key first
    if (Array.isArray(result) && !isWrapped && (this.children[depth] ?? 0) < result.length) {
      throw new Error('empty entries are read by the yaml package');
    }
    this.lastRead[depth] = result;
  }
}

// A block scalar's header: `|` or `>`, then a chomping indicator and a digit, in either order.
function hasIndentationIndicator(input: string, start: number): boolean {
  return /^[-+]?[0-9]/.test(input.slice(start + 1, start + 3));
}

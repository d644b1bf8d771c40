import { lineAt, nextChar, nextIndex } from './loader-state.ts';
import type { LoaderEvent, LoaderState } from './loader-state.ts';

/** Where one document's content and list entries start, as 0-based lines of the parsed text. */
export interface TrackedDocument {
  rootLine: number;
  /** `mapping`, `sequence`, `scalar`, or null for an empty document. */
  rootKind: string | null;
  /** Lines of the nodes directly in the root, when it is a block sequence: its entries. */
  rootItemLines: number[];
  /** Lines of the entries of the root mapping's `items` sequence. */
  listItemLines: number[];
  /**
   * Whether js-yaml read the root, or the `items` sequence, through one more level, as it does
   * for a flow collection on a line of its own (`[a, b]`): first as a would-be key. The lines of
   * its entries are then one level further down, and not in this record.
   */
  isWrapped: boolean;
}

/**
 * Follows js-yaml's listener events to find where each document and each list entry starts,
 * which js-yaml does not report: where a node's content starts as it opens, past the spaces,
 * comments and tags before it, as the `yaml` package counts.
 */
export class LineTracker {
  readonly documents: TrackedDocument[] = [];
  private isAwaitingItems = false; // the root mapping's `items` key was just read
  private isInItems = false; // inside the value of `items`
  private isRootSequence = false; // the root starts with `-`
  private readonly lastRead: unknown[] = []; // by depth, what the last node closed there read

  track(event: LoaderEvent, state: LoaderState): void {
    if (event === 'open') this.open(state);
    else this.close(state);
  }

  private open(state: LoaderState): void {
    const { depth } = state;
    if (depth > 3) return; // lines are wanted down to the entries of `items`
    this.lastRead[depth + 1] = undefined;
    if (depth === 1) {
      const start = nextIndex(state.input, state.position);
      this.isRootSequence = state.input[start] === '-'; // else no entry lines are needed
      const line = lineAt(state, start);
      this.documents.push({
        rootLine: line,
        rootKind: null,
        rootItemLines: [],
        listItemLines: [],
        isWrapped: false,
      });
      return;
    }
    const document = this.documents[this.documents.length - 1];
    if (!document) return;
    if (depth === 2) {
      if (this.isRootSequence)
        document.rootItemLines.push(lineAt(state, nextIndex(state.input, state.position)));
      this.isInItems = this.isAwaitingItems;
      this.isAwaitingItems = false;
      if (this.isInItems) document.listItemLines = [];
    } else if (depth === 3 && this.isInItems) {
      document.listItemLines.push(lineAt(state, nextIndex(state.input, state.position)));
    }
  }

  private close(state: LoaderState): void {
    const { depth, kind, result } = state;
    if (depth > 3) return;
    const document = this.documents[this.documents.length - 1];
    if (!document) return;
    // Without aliases no node holds itself: a node is its own child only when read twice over.
    const isWrapped = typeof result === 'object' && result !== null && result === this.lastRead[depth + 1];
    this.lastRead[depth] = result;
    if (depth === 1) {
      document.rootKind = kind;
      document.isWrapped ||= isWrapped;
    } else if (depth === 2) {
      if (this.isInItems && kind !== 'sequence') document.listItemLines = [];
      if (this.isInItems) document.isWrapped ||= isWrapped;
      this.isInItems = false;
      if (kind === 'scalar' && result === 'items' && nextChar(state.input, state.position) === ':') {
        this.isAwaitingItems = true;
      }
    }
  }
}

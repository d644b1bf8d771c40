import { count } from '../report-text.ts';
import { html, type SafeHtml } from './html-template.ts';

/**
 * How many rows or findings each part of the HTML report lists before it counts the rest: a large
 * cluster would otherwise print hundreds of pages. The Markdown report lists everything.
 */
export const LIST_LIMITS = {
  connectedPairs: 150,
  /** Entry points of low and info severity; the others are always listed. */
  minorEntryPoints: 20,
  outsideFlows: 100,
  /** Findings shown in full per severity; critical, high and medium are always shown in full. */
  findingsInFull: 40,
  policies: 200,
  /** Up to this many policies, the inventory quotes its findings in full; past it, it names their kinds. */
  policiesWithFullFindings: 40,
};

/** The first `limit` items, and how many are left. */
export function takeFirst<T>(items: readonly T[], limit: number): { shown: readonly T[]; rest: number } {
  return { shown: items.slice(0, limit), rest: Math.max(0, items.length - limit) };
}

/** A note under a list that stopped short: how many more, and where to find every one. */
export function moreNote(
  rest: number,
  noun: string,
  where = 'the Markdown report (format md) lists every one',
): SafeHtml | '' {
  return rest > 0 ? html`<p class="muted more">${count(rest, noun)} more not listed here: ${where}.</p>` : '';
}

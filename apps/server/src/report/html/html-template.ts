import { replaceControlCharacters } from '../report-text.ts';

/** Markup that is already safe: written by the report itself, with every value escaped. */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text as HTML (and SVG) character data or a quoted attribute value: markup characters become
 * entities, and control characters that HTML forbids become U+FFFD.
 */
export function escapeHtml(text: string): string {
  return replaceControlCharacters(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

/**
 * A template that escapes every value it is given unless it is `SafeHtml` (what `html` itself
 * returns); lists are joined; `null`, `undefined` and `false` write nothing. Object names, labels
 * and messages can hold anything: nothing reaches the page unescaped by accident.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += write(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(text);
}

function write(value: Value): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(write).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Text that may wrap after `/`, `,` and `=` and before `[` (object refs, selectors, address lists)
 * rather than in the middle of a word.
 */
export function breakable(text: string): SafeHtml {
  return new SafeHtml(
    escapeHtml(text).replace(/([/,=])|(\[)/g, (_m, after, before) =>
      after ? `${after}<wbr>` : `<wbr>${before}`,
    ),
  );
}

/** `html` for SVG markup, which the formatter leaves as written: whitespace in `<text>` is drawn. */
export const svg = html;

import { replaceControlCharacters } from '../report-text.ts';

/**
 * Text as Markdown that renders as exactly that text: characters Markdown or HTML would read as
 * markup are backslash-escaped (CommonMark), table pipes too, and line breaks become spaces, so a
 * value can never open a tag, a link, a code span or a new table row.
 */
export function escapeMarkdown(text: string): string {
  return replaceControlCharacters(text.replace(/[\r\n]+/g, ' ')).replace(
    /[\\`*_{}[\]<>|&~#!]/g,
    (c) => `\\${c}`,
  );
}

/** A Markdown table; cells are written as given (escape values first). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: ('left' | 'right')[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

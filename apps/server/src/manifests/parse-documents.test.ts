import { describe, expect, it } from 'vitest';
import { ManifestError } from './manifest-error.ts';
import { parseDocuments } from './parse-documents.ts';

const parseAll = (source: string) => [...parseDocuments(source, 'in.yaml')];

function parseError(source: string): ManifestError {
  try {
    parseAll(source);
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

describe('parseDocuments', () => {
  it('yields each document with the line where its content starts', () => {
    const source = ['# header', 'a: 1', '---', '# comment', '', 'b: 2', '---', 'c: 3', ''].join('\n');
    expect(parseAll(source)).toEqual([
      { value: { a: 1 }, line: 2, itemLines: [] },
      { value: { b: 2 }, line: 6, itemLines: [] },
      { value: { c: 3 }, line: 8, itemLines: [] },
    ]);
  });

  it('handles CRLF line endings', () => {
    const docs = parseAll('a: 1\r\n---\r\nb: |\r\n  x\r\n');
    expect(docs.map(({ value, line }) => ({ value, line }))).toEqual([
      { value: { a: 1 }, line: 1 },
      { value: { b: 'x\n' }, line: 3 },
    ]);
  });

  it('yields null for empty and null documents', () => {
    expect(parseAll('---\n---\nnull\n---\n~\n').map((doc) => doc.value)).toEqual([null, null, null]);
    expect(parseAll('')).toEqual([]);
  });

  it('gives the lines of the entries of a top-level sequence', () => {
    expect(parseAll('- a: 1\n\n- b: 2\n  c: 3\n- d: 4\n')[0]?.itemLines).toEqual([1, 3, 5]);
  });

  it('gives the lines of the entries of a top-level `items`, in YAML and JSON', () => {
    expect(parseAll('kind: List\nitems:\n- a: 1\n- b: 2\n')[0]?.itemLines).toEqual([3, 4]);
    const json = '{\n  "kind": "List",\n  "items": [\n    {\n      "a": 1\n    },\n    { "b": 2 }\n  ]\n}\n';
    expect(parseAll(json)[0]).toEqual({
      value: { kind: 'List', items: [{ a: 1 }, { b: 2 }] },
      line: 1,
      itemLines: [4, 7],
    });
  });

  it('reads JSON that is not strict (a trailing comma) as YAML', () => {
    expect(parseAll('{\n  "kind": "Pod",\n  "metadata": {"name": "a",},\n}\n')).toEqual([
      { value: { kind: 'Pod', metadata: { name: 'a' } }, line: 1, itemLines: [] },
    ]);
  });

  it('reads flow-style YAML that starts like JSON', () => {
    expect(parseAll('{kind: Pod}\n---\n[a]\n').map((doc) => doc.value)).toEqual([{ kind: 'Pod' }, ['a']]);
  });

  it('reads JSON indented with tabs', () => {
    expect(parseAll('{\n\t"kind": "Pod",\n\t"metadata": {\n\t\t"name": "x"\n\t}\n}\n')[0]?.value).toEqual({
      kind: 'Pod',
      metadata: { name: 'x' },
    });
  });

  it('applies `<<` merge keys, as Kubernetes does', () => {
    expect(parseAll('base: &b {x: 1}\nobj:\n  <<: *b\n  y: 2\n')[0]?.value).toEqual({
      base: { x: 1 },
      obj: { x: 1, y: 2 },
    });
  });

  it.each([
    ['an unclosed flow sequence', 'a: 1\nb: [1, 2\nc: 3\n', 3],
    ['a mapping in a compact mapping', 'a: 1\nb: c: d\n', 2],
    ['an unclosed quote (found at the end)', 'a: 1\nb: "x\nc: 2\n', 4],
    ['a tab as indentation', 'a:\n\tb: 1\n', 2],
    ['a duplicate key', 'kind: Pod\nmetadata:\n  name: a\n  name: b\n', 4],
    ['an alias without anchor', 'a: 1\nb:\n  - *nowhere\n', 3],
    ['broken JSON', '{\n  "kind": "Pod",,\n  "metadata": {"name": "a"}\n}\n', 2],
  ])('throws file:line on %s', (_name, source, line) => {
    const error = parseError(source);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^in\\.yaml:${line}: \\S`));
    expect(error.message).not.toContain('\n');
  });

  it('reports an error in a later document at its own line', () => {
    expect(parseError('a: 1\n---\nb: 2\n---\nc: {\nd: 1\n').message).toMatch(/^in\.yaml:6: /);
  });

  it('refuses a "billion laughs" alias bomb fast', () => {
    const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i += 1)
      levels.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    const error = parseError(['kind: ConfigMap', ...levels].join('\n'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toMatch(/^in\.yaml:1: too many aliases \(over 100 expansions\)/);
  });

  it('accepts a few aliases', () => {
    expect(parseAll('a: &x {p: 1}\nb: *x\nc: *x\n')[0]?.value).toEqual({
      a: { p: 1 },
      b: { p: 1 },
      c: { p: 1 },
    });
  });

  it('refuses nesting deeper than 100 levels, at the line where it goes too deep', () => {
    const deep = '['.repeat(101) + ']'.repeat(101);
    expect(parseError(`a: 1\nb: ${deep}\n`).message).toBe('in.yaml:2: nested too deeply');
    const block = Array.from({ length: 101 }, (_, level) => `${'  '.repeat(level)}k:`).join('\n');
    expect(parseError(`${block} 1\n`).message).toBe('in.yaml:101: nested too deeply');
  });

  it('refuses nesting deep enough to overflow the parser, fast', () => {
    const started = performance.now();
    const error = parseError('['.repeat(50_000) + ']'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error.message).toMatch(/^in\.yaml:1: nested too deeply$/);
  });

  it('refuses an alias to a node enclosing it', () => {
    expect(parseError('a: 1\nb: &loop [1, *loop]\n').message).toBe(
      'in.yaml:2: alias *loop refers to a node enclosing it',
    );
  });

  it('parses lazily, one document at a time', () => {
    const documents = parseDocuments('a: 1\n---\nb: [\n', 'in.yaml');
    expect(documents.next().value).toMatchObject({ value: { a: 1 } });
    expect(() => documents.next()).toThrow(ManifestError);
  });
});

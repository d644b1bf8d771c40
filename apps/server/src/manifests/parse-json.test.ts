import { describe, expect, it } from 'vitest';
import { ManifestError } from './manifest-error.ts';
import { parseJsonDocument, scanJson } from './parse-json.ts';

const lines = (...parts: string[]) => parts.join('\n');

describe('scanJson', () => {
  it('finds the line of the value and of the entries of a top-level array', () => {
    const text = lines('', '  [', '    {"a": 1},', '', '    2, "three",', '    [4]', '  ]');
    expect(scanJson(text, 100)).toEqual({ line: 2, itemLines: [3, 5, 5, 6] });
  });

  it('finds the entries of the top-level "items" array', () => {
    const text = lines(
      '{',
      '  "kind": "List",',
      '  "items": [',
      '    {',
      '      "kind": "Pod"',
      '    },',
      '    {}',
      '  ]',
      '}',
    );
    expect(scanJson(text, 100)).toEqual({ line: 1, itemLines: [4, 7] });
  });

  it('ignores "items" deeper down, and a string value "items"', () => {
    const text = lines('{"kind": "items",', '"spec": {"items": [1, 2]},', '"other": [3, 4]}');
    expect(scanJson(text, 100).itemLines).toEqual([]);
  });

  it('finds nothing in an empty list', () => {
    expect(scanJson('{"items": [ ]}', 100).itemLines).toEqual([]);
    expect(scanJson('[]', 100).itemLines).toEqual([]);
  });

  it('skips brackets, commas and escaped quotes inside strings', () => {
    const text = lines('{"items": [', '"a \\"[x, y]\\" \\\\",', '"{,}"', ']}');
    expect(scanJson(text, 100).itemLines).toEqual([2, 3]);
  });

  it('keeps the last "items", as JSON.parse does', () => {
    expect(scanJson(lines('{"items": [1],', '"items": [', '2]}'), 100).itemLines).toEqual([3]);
  });

  it('stops at the first bracket nested too deeply', () => {
    expect(scanJson(lines('{"a":', '[[1]]}'), 3)).toEqual({ line: 1, itemLines: [] });
    expect(scanJson(lines('{"a":', '[[[1]]]}'), 3)).toMatchObject({ tooDeepLine: 2 });
  });
});

describe('parseJsonDocument', () => {
  it('parses a single object', () => {
    const doc = parseJsonDocument('\n{"kind": "Pod", "metadata": {"name": "a"}}\n', 'a.json');
    expect(doc).toEqual({ value: { kind: 'Pod', metadata: { name: 'a' } }, line: 2, itemLines: [] });
  });

  it('returns undefined for text that is not strict JSON', () => {
    expect(parseJsonDocument('{"a": 1,}', 'a.json')).toBeUndefined();
    expect(parseJsonDocument('{a: 1}', 'a.json')).toBeUndefined();
    expect(parseJsonDocument('{"a": 1}\n{"b": 2}', 'a.json')).toBeUndefined();
  });

  it('refuses nesting deeper than 100 levels, fast, at its line', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const started = performance.now();
    expect(() => parseJsonDocument(`{"a": 1,\n"b": ${deep}}`, 'deep.json')).toThrow(
      new ManifestError('deep.json', 2, 'nested too deeply'),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps a "__proto__" key as a plain property', () => {
    const doc = parseJsonDocument('{"__proto__": {"polluted": true}}', 'a.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(doc?.value as object)).toEqual(['__proto__']);
  });
});

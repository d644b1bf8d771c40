import fc from 'fast-check';
import { dump } from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeYamlDocuments } from './compose-yaml.ts';
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

  it('reads `on`, `yes` and `no` as text, and `017` and `0o17` as the YAML 1.2 core schema does', () => {
    expect(parseAll('a: on\nb: yes\nc: no\nd: 017\ne: 0o17\nf: 0x10\ng: 1_000\nh: .5\n')[0]?.value).toEqual({
      a: 'on',
      b: 'yes',
      c: 'no',
      d: 17,
      e: 15,
      f: 16,
      g: '1_000',
      h: 0.5,
    });
  });

  it('keeps the lines of documents the yaml package reads between others', () => {
    const source =
      'a: 1\n---\nbase: &b {x: 1}\nobj:\n  <<: *b\n---\nkind: List\nitems:\n- c: 1\n- !!map {d: 2}\n';
    expect(parseAll(source)).toEqual([
      { value: { a: 1 }, line: 1, itemLines: [] },
      { value: { base: { x: 1 }, obj: { x: 1 } }, line: 3, itemLines: [] },
      { value: { kind: 'List', items: [{ c: 1 }, { d: 2 }] }, line: 7, itemLines: [9, 10] },
    ]);
  });

  it('stops before a document the yaml package blames for an error starting the next one', () => {
    expect(() => parseDocuments('a: 1\n---\n- |-\n---\n  }\n', 'in.yaml').next()).not.toThrow();
    const documents = parseDocuments('a: 1\n---\n- |-\n---\n  }\n', 'in.yaml');
    documents.next();
    expect(() => documents.next()).toThrow(/^in\.yaml:5: /);
  });
});

// What the yaml package alone reads, or the error it stops at.
function readWithYamlPackage(source: string): unknown {
  try {
    return [...composeYamlDocuments(source, 'in.yaml')];
  } catch (error) {
    return (error as Error).message;
  }
}

function read(source: string): unknown {
  try {
    return parseAll(source);
  } catch (error) {
    return (error as Error).message;
  }
}

describe('parseDocuments, against the yaml package alone', () => {
  it.each([
    ['documents, comments and markers', '# c\na: 1\n--- # d\n\nb: 2\n...\n# e\n---\n---\nc\n...\n'],
    [
      'lists and their entries',
      'kind: List\nitems:\n- a: 1\n  # c\n-\n  b: [1,\n    2]\n- |\n  text\nmetadata: {}\n',
    ],
    ['a top-level sequence', '- a\n- - b\n  - c\n- {d: e}\n- "f\n  g"\n'],
    ['scalars of every style', "a: \"\\u00e9\\t\"\nb: 'it''s'\nc: |+\n  x\n\nd: >-\n  y\n  z\ne: p\n  q\n"],
    ['keys the packages name apart', '~: 1\n[a]: 2\n? {b: c}\n: 3\nd: {e, [f]}\n'],
    ['tags and anchors', 'a: !!str 1\nb: &x [1]\nc: *x\nd: !custom e\n'],
    ['a directive', '%YAML 1.1\n---\na: on\n'],
    ['empty entries', 'a:\n- b\n-\n- c\n'],
    ['a carriage return alone', 'a: 1\rb: 2\n'],
    ['a flow collection at the root', '[a,\n b]\n'],
    ['an unclosed quote across `---`', 'a: "x\n---\ny"\n'],
    ['a tab as indentation', 'a: 1\n---\n\tb\n'],
    ['an error in a later document', 'a: 1\n---\nb: [\n---\nc: 3\n'],
  ])('reads %s as the yaml package does', (_name, source) => {
    expect(read(source)).toEqual(readWithYamlPackage(source));
  });

  it('reads any serialized manifests as the yaml package does', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        'on',
        'yes',
        '~',
        'null',
        '017',
        '0o17',
        '1e3',
        '.inf',
        '---',
        '- a',
        'a: b',
        '#c',
        '<<',
        '',
      ),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('value')),
        fc.dictionary(fc.string(), tie('value')),
      ),
    }));
    const document = fc.oneof(
      value,
      fc.record({ kind: fc.constant('List'), items: fc.array(value) }),
      fc.record({ kind: fc.constant('Pod'), metadata: fc.record({ name: fc.string() }), spec: value }),
    );
    const serialized = fc
      .tuple(document, fc.nat(5))
      .map(([data, style]) =>
        style < 3
          ? dump(data, { flowLevel: style - 1, lineWidth: 20 })
          : stringify(data, { indentSeq: style === 3, collectionStyle: 'any', lineWidth: 20 }),
      );
    const separator = fc.constantFrom('---\n', '--- # c\n', '...\n---\n', '\n---\n\n');
    const stream = fc.tuple(fc.array(serialized, { minLength: 1, maxLength: 4 }), separator);
    fc.assert(
      fc.property(stream, ([documents, between]) => {
        const source = documents.join(between);
        expect(read(source)).toEqual(readWithYamlPackage(source));
      }),
      { numRuns: 300 },
    );
    // 300 random streams take a few seconds on a loaded 2-core machine.
  }, 30_000);
});

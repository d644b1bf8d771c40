import { describe, expect, it } from 'vitest';
import { composeYamlDocuments } from './compose-yaml.ts';

describe('composeYamlDocuments', () => {
  it('counts lines from `firstLine`, for a part of a file', () => {
    const documents = [...composeYamlDocuments('---\nkind: List\nitems:\n- a: 1\n', 'in.yaml', 40)];
    expect(documents).toEqual([{ value: { kind: 'List', items: [{ a: 1 }] }, line: 41, itemLines: [43] }]);
  });

  it('locates errors from `firstLine` too', () => {
    expect(() => [...composeYamlDocuments('a: 1\nb: [\n', 'in.yaml', 10)]).toThrow(/^in\.yaml:12: /);
  });

  it('applies merge keys and expands aliases', () => {
    const [document] = composeYamlDocuments('base: &b {x: 1}\nobj:\n  <<: *b\n  y: *b\n', 'in.yaml');
    expect(document?.value).toEqual({ base: { x: 1 }, obj: { x: 1, y: { x: 1 } } });
  });
});

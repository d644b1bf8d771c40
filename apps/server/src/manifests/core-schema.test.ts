import { load } from 'js-yaml';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CORE_SCHEMA, resolveCoreScalar } from './core-schema.ts';

const SCALARS: [string, unknown][] = [
  ['', null],
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['nULL', 'nULL'],
  ['true', true],
  ['True', true],
  ['FALSE', false],
  ['tRUE', 'tRUE'],
  // YAML 1.1 booleans are text in YAML 1.2, which netmap reads.
  ['on', 'on'],
  ['off', 'off'],
  ['yes', 'yes'],
  ['no', 'no'],
  ['y', 'y'],
  ['12', 12],
  ['+12', 12],
  ['-0', -0],
  ['017', 17],
  ['0o17', 15],
  ['0o8', '0o8'],
  ['0x1F', 31],
  ['0b11', '0b11'],
  ['1_000', '1_000'],
  ['1.5', 1.5],
  ['1.', 1],
  ['.5', 0.5],
  ['1e3', 1000],
  ['1.5E-3', 0.0015],
  ['1e', '1e'],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
  ['.NaN', NaN],
  ['12:30', '12:30'],
  ['2024-01-01', '2024-01-01'],
  ['10.0.0.1', '10.0.0.1'],
  ['500m', '500m'],
];

describe('resolveCoreScalar', () => {
  it.each(SCALARS)('reads %j as %j', (text, value) => {
    expect(resolveCoreScalar(text)).toBe(value);
  });

  it.each(SCALARS)('reads %j as the yaml package does', (text) => {
    expect(resolveCoreScalar(text)).toBe(parse(text === '' ? '' : `${text}\n`));
  });
});

describe('CORE_SCHEMA', () => {
  it('resolves plain scalars only, leaving quoted ones text', () => {
    expect(load('a: 017\nb: "017"\nc: on\nd: null\ne: 0o17\n', { schema: CORE_SCHEMA })).toEqual({
      a: 17,
      b: '017',
      c: 'on',
      d: null,
      e: 15,
    });
  });

  it.each(['a: !!int 1\n', 'a: !!str x\n', 'a: !Ref x\n', '--- !!map\na: 1\n'])(
    'knows no tag: %j',
    (source) => {
      expect(() => load(source, { schema: CORE_SCHEMA })).toThrow(/unknown tag/);
    },
  );

  it('refuses merge keys, which the yaml package reads', () => {
    expect(() => load('a: {x: 1}\nb:\n  <<: {y: 2}\n', { schema: CORE_SCHEMA })).toThrow(/merge keys/);
  });
});

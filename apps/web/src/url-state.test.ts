import fc from 'fast-check';
import { PROTOCOLS } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { viewFromSearchParams, viewToSearchParams } from './url-state.ts';
import { DEFAULT_VIEW, PANELS, SHOWN_KINDS, type ViewState } from './view-state.ts';

const text = fc.string({ unit: 'binary', maxLength: 12 });

const views: fc.Arbitrary<ViewState> = fc.record({
  grouping: fc.constantFrom('namespace', 'node', 'flat'),
  namespaces: fc.array(text, { maxLength: 3 }),
  kinds: fc.shuffledSubarray([...SHOWN_KINDS]),
  labels: text,
  search: text,
  hideSystem: fc.boolean(),
  flowFocus: fc.constantFrom('all', 'into', 'out-of'),
  selected: fc.option(text, { nil: null }),
  expanded: fc.array(text, { maxLength: 3 }),
  query: fc.option(fc.record({ from: text, to: text, port: text, protocol: fc.constantFrom(...PROTOCOLS) }), {
    nil: null,
  }),
  panel: fc.option(fc.constantFrom(...PANELS), { nil: null }),
});

const fromText = (search: string) => viewFromSearchParams(new URLSearchParams(search));

describe('URL state', () => {
  it('reads back every view it writes, through the address text', () => {
    fc.assert(
      fc.property(views, (view) => {
        expect(fromText(viewToSearchParams(view).toString())).toEqual(view);
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing for the default view, and the same address for the same view', () => {
    expect(viewToSearchParams(DEFAULT_VIEW).toString()).toBe('');
    fc.assert(
      fc.property(views, (view) => {
        expect(viewToSearchParams(structuredClone(view)).toString()).toBe(
          viewToSearchParams(view).toString(),
        );
      }),
    );
  });

  it('writes short keys in a fixed order, only for what differs from the default', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      query: { from: 'shop/web', to: 'shop/db', port: '5432', protocol: 'TCP' },
      selected: 'workload:shop/web[Deployment]',
      grouping: 'node',
      hideSystem: false,
      kinds: ['workload', 'service'],
      panel: 'findings',
    };
    expect([...viewToSearchParams(view).keys()]).toEqual([
      'g',
      'k',
      'sys',
      'sel',
      'p',
      'from',
      'to',
      'port',
      'proto',
    ]);
    expect(viewToSearchParams(view).get('k')).toBe('workload,service');
  });

  it('keeps "no kinds" apart from "the default kinds"', () => {
    expect(fromText(viewToSearchParams({ ...DEFAULT_VIEW, kinds: [] }).toString()).kinds).toEqual([]);
    expect(fromText('').kinds).toEqual(DEFAULT_VIEW.kinds);
  });

  it.each([
    ['g=sideways', { grouping: 'namespace' }],
    ['f=around', { flowFocus: 'all' }],
    ['sys=maybe', { hideSystem: true }],
    ['p=everything', { panel: null }],
    ['k=workload,pods,workload,ingress', { kinds: ['workload', 'ingress'] }],
    ['from=a&proto=ICMP', { query: { from: 'a', to: '', port: '', protocol: 'TCP' } }],
    ['unrelated=1&%E0%A4%A=x', {}],
  ])('falls back to defaults for invalid or missing values: %s', (search, expected) => {
    expect(fromText(search)).toEqual({ ...DEFAULT_VIEW, ...expected });
  });
});

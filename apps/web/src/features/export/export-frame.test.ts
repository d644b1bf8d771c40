import { expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../view-state.ts';
import { describeView, exportFrame } from './export-frame.ts';

it('titles an export with the source, the time of the data and the view', () => {
  const frame = exportFrame({
    view: { ...DEFAULT_VIEW, namespaces: ['shop'], labels: 'app=web' },
    source: 'the embedded demo cluster',
    dataTime: Date.parse('2026-11-27T10:15:30Z'),
    legend: [],
  });
  expect(frame.title).toBe('netmap — the embedded demo cluster');
  expect(frame.subtitle).toEqual([
    'Data as of 2026-11-27 10:15:30 UTC',
    'View: namespaces shop; labels app=web; system namespaces hidden',
  ]);
});

it('says what a view leaves out', () => {
  expect(describeView(DEFAULT_VIEW)).toBe('system namespaces hidden');
  expect(
    describeView({
      ...DEFAULT_VIEW,
      grouping: 'node',
      kinds: ['workload'],
      hideSystem: false,
      flowFocus: 'into',
      selected: 'x',
    }),
  ).toBe('grouped by node; only workload; flows into x; system namespaces shown');
});

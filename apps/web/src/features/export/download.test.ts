import { expect, it } from 'vitest';
import { exportFileName } from './download.ts';

it('names exports after the source and the time of the data, safely', () => {
  const time = new Date('2026-11-27T10:15:30.123Z');
  expect(exportFileName('demo', time, 'png')).toBe('netmap-demo-2026-11-27T10-15-30.png');
  expect(exportFileName('kind-prod / eu:west', time, 'svg')).toBe(
    'netmap-kind-prod-eu-west-2026-11-27T10-15-30.svg',
  );
  expect(exportFileName('///', time, 'png')).toBe('netmap-cluster-2026-11-27T10-15-30.png');
});

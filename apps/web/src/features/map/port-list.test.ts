import { describe, expect, it } from 'vitest';
import { mergePorts, portsLabel } from './port-list.ts';

describe('ports of merged flows', () => {
  it('merges, sorts and joins ranges per protocol', () => {
    expect(mergePorts([['TCP 9555', 'UDP 53'], ['TCP 8080'], ['TCP 8000-8079', 'TCP 8081']])).toEqual([
      'TCP 8000-8081',
      'TCP 9555',
      'UDP 53',
    ]);
    expect(mergePorts([['TCP 80'], 'all'])).toBe('all');
  });

  it.each([
    ['all', 'all ports'],
    [['TCP 8080', 'TCP 9555'], 'TCP 8080, 9555'],
    [['TCP 53', 'UDP 53'], 'TCP 53 · UDP 53'],
    [['TCP 1-65535'], 'all TCP'],
    [
      ['TCP 1', 'TCP 2', 'TCP 3', 'TCP 4', 'TCP 5', 'UDP 6', 'UDP 7', 'UDP 8'],
      'TCP 1, 2, 3, 4, 5 · UDP 6 +2 more',
    ],
  ] as const)('labels %j as %s', (ports, label) => {
    expect(portsLabel(ports)).toBe(label);
  });
});

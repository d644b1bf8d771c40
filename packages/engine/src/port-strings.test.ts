import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PortSet } from './port-set.ts';
import { formatPorts, parsePorts } from './port-strings.ts';

const portSetArbitrary = fc
  .array(
    fc.record({
      protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
      first: fc.integer({ min: 1, max: 65535 }),
      length: fc.nat(2000),
    }),
    { maxLength: 6 },
  )
  .map((ranges) =>
    ranges.reduce(
      (set, { protocol, first, length }) =>
        set.union(PortSet.of(protocol, first, Math.min(65535, first + length))),
      PortSet.EMPTY,
    ),
  );

describe('ports as flows show them', () => {
  it('read back into the same set', () => {
    fc.assert(
      fc.property(portSetArbitrary, (ports) => {
        expect(parsePorts(formatPorts(ports)).equals(ports)).toBe(true);
      }),
    );
    expect(parsePorts('all').isAll()).toBe(true);
  });

  it('read single ports and ranges', () => {
    expect(parsePorts(['TCP 80', 'TCP 8000-8080', 'UDP 53']).toStrings()).toEqual([
      'TCP 80',
      'TCP 8000-8080',
      'UDP 53',
    ]);
  });

  it.each(['HTTP 80', 'TCP', 'TCP 80-', 'tcp 80'])('refuse %j', (text) => {
    expect(() => parsePorts([text])).toThrow(/not a port range/);
  });
});

import { describe, expect, it } from 'vitest';
import { joinOutside, joinOutsidePieces } from './join-outside.ts';

describe('joining pieces of the outside', () => {
  it('writes pieces that change alike as the ranges they add up to, and keeps the others apart', () => {
    const web = 'shop/web[Pod]';
    const piece = (range: string) => `${range}[External]`;
    const joined = joinOutside([
      { from: piece('0.0.0.0-198.51.99.255'), to: web, ports: 'all' },
      { from: piece('198.51.100.0-198.51.100.255'), to: web, ports: 'all' },
      { from: piece('198.51.101.0-255.255.255.255'), to: web, ports: 'all' },
      { from: piece('10.0.0.0-10.255.255.255'), to: web, ports: ['TCP 80'] },
      { from: web, to: piece('0.0.0.0-9.255.255.255'), ports: ['UDP 53'] },
      { from: web, to: piece('11.0.0.0-255.255.255.255'), ports: ['UDP 53'] },
      { from: 'shop/client[Pod]', to: web, ports: 'all' },
    ]);
    expect(joined).toEqual([
      { from: piece('0.0.0.0-255.255.255.255'), to: web, ports: 'all' },
      { from: piece('10.0.0.0-10.255.255.255'), to: web, ports: ['TCP 80'] },
      { from: web, to: piece('0.0.0.0-9.255.255.255'), ports: ['UDP 53'] },
      { from: web, to: piece('11.0.0.0-255.255.255.255'), ports: ['UDP 53'] },
      { from: 'shop/client[Pod]', to: web, ports: 'all' },
    ]);
  });
});

describe('joinOutsidePieces', () => {
  it('joins the allowed and the unknown flows of a difference, keeping the rest as it is', () => {
    const piece = (range: string) => ({
      from: `${range}[External]`,
      to: 'shop/web[Pod]',
      ports: 'all' as const,
    });
    const diff = {
      flows: { added: [piece('0.0.0.0-9.255.255.255'), piece('10.0.0.0-255.255.255.255')], removed: [] },
      unknownFlows: { added: [], removed: [piece('1.0.0.0-1.0.0.255'), piece('1.0.1.0-1.0.1.255')] },
      addsExposure: true,
    };
    expect(joinOutsidePieces(diff)).toEqual({
      flows: { added: [piece('0.0.0.0-255.255.255.255')], removed: [] },
      unknownFlows: { added: [], removed: [piece('1.0.0.0-1.0.1.255')] },
      addsExposure: true,
    });
  });
});

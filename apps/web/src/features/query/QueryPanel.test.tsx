import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '@netmap/engine';
import type { DirectionExplanation } from '@netmap/model';
import { CheckResultView } from './CheckResultView.tsx';
import { QueryForm } from './QueryForm.tsx';

const side = (
  direction: 'ingress' | 'egress',
  overrides: Partial<DirectionExplanation>,
): DirectionExplanation => ({
  direction,
  verdict: 'allowed',
  isolated: false,
  tiers: [],
  reason: `no policy selects it for ${direction}`,
  ...overrides,
});

const denied: CheckResult = {
  verdict: 'denied',
  route: ['shop/frontend-1', 'Service shop/cart TCP 7070 -> 7070', 'pods of shop/cart'],
  via: ['service:shop/cart'],
  connections: [
    {
      verdict: 'denied',
      from: {
        kind: 'pod',
        pod: 'shop/frontend-1',
        workload: 'shop/frontend[Deployment]',
        ips: [],
        hostNetwork: false,
        representative: false,
      },
      to: {
        kind: 'pod',
        pod: 'shop/cart-1',
        workload: 'shop/cart[Deployment]',
        ips: [],
        hostNetwork: false,
        representative: false,
      },
      port: 7070,
      protocol: 'TCP',
      egress: side('egress', {}),
      ingress: side('ingress', {
        verdict: 'denied',
        isolated: true,
        reason: 'no ingress rule of the policies that select shop/cart-1 admits it',
        tiers: [
          {
            tier: 'NetworkPolicy',
            verdict: 'denied',
            policies: [
              {
                policy: 'shop/cart',
                result: 'no-match',
                rules: [
                  {
                    rule: 0,
                    result: 'no-match',
                    peer: 0,
                    reason: 'peer 0 (podSelector app=checkout) does not select shop/frontend-1',
                  },
                ],
              },
            ],
          },
        ],
      }),
      notes: [],
    },
  ],
};

describe('the query form', () => {
  it('has the labelled inputs and the Check button that other tools drive', async () => {
    const onCheck = vi.fn();
    render(<QueryForm initial={null} suggestions={['shop/frontend[Deployment]']} onCheck={onCheck} />);
    const user = userEvent.setup();
    // user-event reads `[` as a key name: `[[` types one.
    await user.type(screen.getByLabelText('From'), 'shop/frontend[[Deployment]');
    await user.type(screen.getByLabelText('To'), ' svc/shop/cart ');
    await user.clear(screen.getByLabelText('Port'));
    await user.type(screen.getByLabelText('Port'), '7070');
    await user.selectOptions(screen.getByLabelText('Protocol'), 'UDP');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenCalledWith({
      from: 'shop/frontend[Deployment]',
      to: 'svc/shop/cart',
      port: '7070',
      protocol: 'UDP',
    });
  });
});

describe('the check result', () => {
  const query = { from: 'shop/frontend-1', to: 'svc/shop/cart', port: '7070', protocol: 'TCP' as const };

  it('starts its status with the verdict and says which side refused', () => {
    render(<CheckResultView result={denied} query={query} onShowPolicy={() => {}} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Denied: shop/frontend-1 → svc/shop/cart on TCP 7070. no ingress rule of the policies that select shop/cart-1 admits it',
    );
    expect(screen.getByRole('list', { name: 'Route' }).textContent).toContain(
      'Service shop/cart TCP 7070 -> 7070',
    );
  });

  it('links each policy and rule to its YAML', async () => {
    const onShowPolicy = vi.fn();
    render(<CheckResultView result={denied} query={query} onShowPolicy={onShowPolicy} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'ingress[0]' }));
    expect(onShowPolicy).toHaveBeenCalledWith('shop/cart', 'ingress', 0);
    expect(screen.getByText(/No NetworkPolicy selects it for egress/)).toBeTruthy();
  });

  it('says Allowed plainly', () => {
    const allowed: CheckResult = { ...denied, verdict: 'allowed', connections: [] };
    render(<CheckResultView result={allowed} query={query} onShowPolicy={() => {}} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Allowed: shop/frontend-1 → svc/shop/cart on TCP 7070.',
    );
  });
});

import { act, render, renderHook, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Finding, Topology } from '@netmap/model';
import type { MapElements } from '../map/elements.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { useFindingFocus } from './useFindingFocus.ts';

const findings: Finding[] = [
  {
    id: 'no-default-deny:ingress:backoffice',
    severity: 'medium',
    objects: ['Namespace backoffice'],
    message: 'Namespace backoffice has no default deny for ingress',
    fix: 'Add a NetworkPolicy with podSelector {} and policyTypes [Ingress].',
    category: 'unprotected',
  },
  {
    id: 'exposure:Service:backoffice/order-admin-debug',
    severity: 'high',
    objects: ['Service backoffice/order-admin-debug'],
    message: 'Service backoffice/order-admin-debug is reachable from the Internet',
    category: 'exposure',
  },
  {
    id: 'policy-selects-no-pod:shop/shipping',
    severity: 'medium',
    objects: ['NetworkPolicy shop/shipping'],
    message: 'NetworkPolicy shop/shipping selects no pod',
    category: 'dead-policy',
  },
  {
    id: 'single-backend:shop/cart',
    severity: 'low',
    objects: ['Service shop/cart'],
    message: 'Service shop/cart has one backend',
    category: 'availability',
  },
];

const itemTexts = () =>
  screen.queryAllByRole('button', { pressed: false }).map((button) => button.textContent);

describe('FindingsPanel', () => {
  it('counts each severity in its header and lists findings from the most severe', () => {
    render(<FindingsPanel findings={findings} activeId={null} onPick={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Findings (4)' })).toBeTruthy();
    const counts = within(screen.getByRole('list', { name: 'Findings by severity' })).getAllByRole(
      'listitem',
    );
    expect(counts.map((item) => item.textContent)).toEqual([
      'critical 0',
      'high 1',
      'medium 2',
      'low 1',
      'info 0',
    ]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'high (1)',
      'medium (2)',
      'low (1)',
    ]);
    expect(itemTexts()[0]).toBe('high Service backoffice/order-admin-debug is reachable from the Internet');
    const medium = screen.getByRole('region', { name: 'medium findings' });
    expect(within(medium).getByText('Namespace backoffice', { selector: 'li' })).toBeTruthy();
    expect(within(medium).getByText(/podSelector \{\} and policyTypes \[Ingress\]/)).toBeTruthy();
  });

  it('filters by severity and by category', async () => {
    const user = userEvent.setup();
    render(<FindingsPanel findings={findings} activeId={null} onPick={() => {}} />);
    await user.selectOptions(screen.getByLabelText('Severity'), 'medium');
    expect(itemTexts()).toEqual([
      'medium Namespace backoffice has no default deny for ingress',
      'medium NetworkPolicy shop/shipping selects no pod',
    ]);
    await user.selectOptions(screen.getByLabelText('Category'), 'Policies that do nothing');
    expect(itemTexts()).toEqual(['medium NetworkPolicy shop/shipping selects no pod']);
    await user.selectOptions(screen.getByLabelText('Severity'), 'low');
    expect(itemTexts()).toEqual([]);
    expect(screen.getByText('No finding passes these filters.')).toBeTruthy();
  });

  it('hands the clicked finding over, and marks the active one', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<FindingsPanel findings={findings} activeId={null} onPick={onPick} />);
    await user.click(screen.getByRole('button', { name: /selects no pod/ }));
    expect(onPick).toHaveBeenCalledWith(findings[2]);
    rerender(<FindingsPanel findings={findings} activeId={findings[2]!.id} onPick={onPick} />);
    expect(screen.getByRole('button', { name: /selects no pod/, pressed: true })).toBeTruthy();
  });
});

describe('useFindingFocus', () => {
  const model = {
    nodes: {
      'namespace:backoffice': {
        kind: 'namespace',
        id: 'namespace:backoffice',
        name: 'backoffice',
        labels: {},
      },
      'service:backoffice/order-admin-debug': { kind: 'service', id: 'service:backoffice/order-admin-debug' },
    },
    flows: {},
    findings: {},
  } as unknown as Topology;
  const map: MapElements = {
    elements: {
      nodes: [
        { id: 'namespace:backoffice', label: 'backoffice', visual: { shape: 'rectangle', color: '#fff' } },
        {
          id: 'service:backoffice/order-admin-debug',
          label: 'debug',
          visual: { shape: 'ellipse', color: '#fff' },
        },
      ],
      edges: [],
    },
    legend: [],
    hidden: { nodes: 0 },
    members: {},
  };

  it("selects the finding's first object and highlights its objects while it stays selected", () => {
    const onSelect = vi.fn();
    const onShowPolicy = vi.fn();
    const canvas = { fit: vi.fn() };
    const { result, rerender } = renderHook(
      ({ selected }: { selected: string | null }) =>
        useFindingFocus({
          model,
          map,
          canvas: canvas as never,
          selected,
          onSelect,
          onShowPolicy,
        }),
      { initialProps: { selected: null as string | null } },
    );
    act(() => result.current.pick(findings[1]!));
    expect(onSelect).toHaveBeenCalledWith('service:backoffice/order-admin-debug');
    expect(canvas.fit).toHaveBeenCalledWith(['service:backoffice/order-admin-debug']);
    rerender({ selected: 'service:backoffice/order-admin-debug' });
    expect(result.current.activeId).toBe(findings[1]!.id);
    expect(result.current.highlight).toEqual(['service:backoffice/order-admin-debug']);
    rerender({ selected: 'namespace:backoffice' });
    expect(result.current.highlight).toBeNull();
    expect(onShowPolicy).not.toHaveBeenCalled();
  });

  it('shows the NetworkPolicy of a finding about one', () => {
    const onShowPolicy = vi.fn();
    const { result } = renderHook(() =>
      useFindingFocus({ model, map, canvas: null, selected: null, onSelect: vi.fn(), onShowPolicy }),
    );
    act(() => result.current.pick(findings[2]!));
    expect(onShowPolicy).toHaveBeenCalledWith('shop/shipping');
    expect(result.current.activeId).toBe(findings[2]!.id);
  });
});

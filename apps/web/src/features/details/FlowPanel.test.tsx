import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { Topology, TopologyFlow } from '@netmap/model';
import { FlowPanel } from './FlowPanel.tsx';

const flowOf = (from: string, to: string, ports: TopologyFlow['ports']): TopologyFlow => ({
  id: `allowed:${from}>${to}`,
  from,
  to,
  ports,
  verdict: 'allowed',
});

afterEach(() => vi.unstubAllGlobals());

function renderPanel(model: Topology, flowIds: string[]) {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <FlowPanel model={model} flowIds={flowIds} onPick={() => {}} />
    </QueryClientProvider>,
  );
}

it('lists the flows an edge stands for, with their ports', () => {
  const a = flowOf('workload:shop/web[Deployment]', 'workload:shop/db[StatefulSet]', ['TCP 5432']);
  renderPanel({ nodes: {}, flows: { [a.id]: a }, findings: {} }, [a.id]);
  const details = screen.getByRole('region', { name: 'Details' });
  expect(details.textContent).toContain('shop/web[Deployment] → shop/db[StatefulSet]');
  expect(details.textContent).toContain('TCP 5432');
});

it('asks the server for the workload flows behind a flow between namespaces', async () => {
  const between = flowOf('namespace:shop', 'namespace:data', ['TCP 5432']);
  const inside = flowOf('workload:shop/web[Deployment]', 'workload:data/db[StatefulSet]', ['TCP 5432']);
  const fetchStub = vi.fn<typeof fetch>(
    async () => new Response(JSON.stringify({ flows: { [inside.id]: inside } })),
  );
  vi.stubGlobal('fetch', fetchStub);
  renderPanel({ nodes: {}, flows: { [between.id]: between }, findings: {}, flowLevel: 'namespace' }, [
    between.id,
  ]);
  expect(await screen.findByRole('button', { name: 'data/db[StatefulSet]' })).toBeTruthy();
  expect(String(fetchStub.mock.calls[0]?.[0])).toBe(
    '/api/v1/model/flows?from=namespace%3Ashop&to=namespace%3Adata',
  );
});

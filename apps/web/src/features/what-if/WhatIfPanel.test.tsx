import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VersionedTopology, WhatIfResult } from '@netmap/model';
import { MODEL_KEY } from '../../api/index.ts';
import { downloadBlob } from '../export/download.ts';
import { useWhatIfDraft } from './useWhatIfDraft.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';

vi.mock('../export/download.ts', () => ({ downloadBlob: vi.fn() }));

const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: backoffice
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const result: WhatIfResult = {
  flows: {
    added: [],
    removed: [
      { from: 'shop/frontend[Deployment]', to: 'backoffice/order-admin[Deployment]', ports: 'all' },
      {
        from: '0.0.0.0-9.255.255.255[External]',
        to: 'backoffice/order-admin[Deployment]',
        ports: ['TCP 8080'],
      },
      // The outside cut where some policy's ipBlock ends: listed joined with the piece above.
      {
        from: '10.0.0.0-255.255.255.255[External]',
        to: 'backoffice/order-admin[Deployment]',
        ports: ['TCP 8080'],
      },
    ],
  },
  unknownFlows: { added: [], removed: [] },
  findings: {
    added: [
      {
        id: 'exposure:Service:backoffice/order-admin-debug',
        severity: 'low',
        objects: ['Service backoffice/order-admin-debug'],
        message: 'order-admin-debug takes TCP 80 from outside; policies isolate its pods',
      },
    ],
    removed: [
      {
        id: 'exposure:Service:backoffice/order-admin-debug',
        severity: 'high',
        objects: ['Service backoffice/order-admin-debug'],
        message: 'order-admin-debug takes TCP 80 from outside; no policy isolates its pods',
      },
      {
        id: 'no-default-deny:ingress:backoffice',
        severity: 'medium',
        objects: ['Namespace backoffice'],
        message: 'Namespace backoffice has no default deny for ingress',
      },
    ],
  },
  addsExposure: false,
  draft: { applied: ['backoffice/default-deny'], deleted: ['shop/cart'] },
};

let fetchStub: ReturnType<typeof vi.fn<typeof fetch>>;
let whatIfAnswer: { status: number; body: unknown };
let queryClient: QueryClient;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const whatIfCalls = () => fetchStub.mock.calls.filter(([url]) => url === '/api/v1/what-if');

beforeEach(() => {
  whatIfAnswer = { status: 200, body: result };
  fetchStub = vi.fn<typeof fetch>(async (url) => {
    if (url === '/api/v1/what-if') return json(whatIfAnswer.body, whatIfAnswer.status);
    if (url === '/api/v1/policies')
      return json({
        policies: [
          { namespace: 'shop', name: 'cart', podCount: 1 },
          { namespace: 'shop', name: 'frontend', podCount: 2 },
        ],
      });
    if (url === '/api/v1/policies/shop/cart')
      return json({ yaml: 'kind: NetworkPolicy\nmetadata:\n  name: cart\n  namespace: shop\n  uid: x1\n' });
    return json({ error: `unexpected ${String(url)}` }, 404);
  });
  vi.stubGlobal('fetch', fetchStub);
  queryClient = new QueryClient();
  queryClient.setQueryData(MODEL_KEY, modelAt(1));
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
  vi.mocked(downloadBlob).mockReset();
});

function modelAt(version: number): VersionedTopology {
  return { epoch: 'e1', version, nodes: {}, flows: {}, findings: {} };
}

function Harness() {
  const draft = useWhatIfDraft();
  return <WhatIfPanel draft={draft} drawn={{ edges: 2, notDrawn: 1 }} />;
}

function renderPanel() {
  render(
    <QueryClientProvider client={queryClient}>
      <Harness />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const textarea = () => screen.getByLabelText('Draft NetworkPolicy YAML');

describe('WhatIfPanel', () => {
  it('sends the pasted YAML and the policies marked for deletion, and shows what would change', async () => {
    const user = renderPanel();
    expect(screen.getByRole('button', { name: 'Preview' })).toHaveProperty('disabled', true);
    await user.click(textarea());
    await user.paste(DENY_ALL);
    await user.click(await screen.findByRole('button', { name: 'Delete shop/cart' }));
    expect(screen.getByRole('button', { name: 'Delete shop/cart', pressed: true })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const view = await screen.findByRole('region', { name: 'What-if result' });
    const [, init] = whatIfCalls()[0]!;
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ yaml: DENY_ALL, delete: ['shop/cart'] });
    expect(within(view).getByText('−2 flows, 1 finding gone, 1 changed')).toBeTruthy();
    expect(within(view).getByRole('list', { name: 'Findings that would change' }).textContent).toBe(
      'high → low order-admin-debug takes TCP 80 from outside; policies isolate its pods',
    );
    const removed = within(view).getByRole('list', { name: 'Flows the draft would deny' });
    expect(
      within(removed)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'shop/frontend (Deployment) → backoffice/order-admin (Deployment): all ports',
      '0.0.0.0-255.255.255.255 (outside) → backoffice/order-admin (Deployment): TCP 8080',
    ]);
    expect(within(view).getByRole('list', { name: 'Findings that would go' }).textContent).toContain(
      'no default deny for ingress',
    );
    expect(within(view).getByText(/1 changed flow is not drawn/)).toBeTruthy();
    expect(within(view).queryByRole('alert')).toBeNull();
  });

  it("shows the server's message under the draft, and no result, when the preview is refused", async () => {
    const user = renderPanel();
    await user.click(textarea());
    await user.paste(DENY_ALL);
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'What-if result' });

    whatIfAnswer = { status: 400, body: { error: 'line 3: metadata.name is required' } };
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toBe('line 3: metadata.name is required');
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('region', { name: 'What-if result' })).toBeNull();
  });

  it('warns loudly when the draft opens a path from outside the cluster', async () => {
    whatIfAnswer = { status: 200, body: { ...result, addsExposure: true } };
    const user = renderPanel();
    await user.click(textarea());
    await user.paste(DENY_ALL);
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('opens a path from outside the cluster');
  });

  it('says when the cluster changed since the preview, and previews again on demand only', async () => {
    const user = renderPanel();
    await user.click(textarea());
    await user.paste(DENY_ALL);
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'What-if result' });
    expect(screen.queryByText('The cluster changed since the preview.')).toBeNull();

    act(() => queryClient.setQueryData(MODEL_KEY, modelAt(2)));
    expect(await screen.findByText('The cluster changed since the preview.')).toBeTruthy();
    expect(whatIfCalls()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Preview again' }));
    await waitFor(() => expect(whatIfCalls()).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText('The cluster changed since the preview.')).toBeNull());
  });

  it("starts an edit from a policy's YAML, without the fields the API server sets", async () => {
    const user = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Edit shop/cart' }));
    await waitFor(() =>
      expect(textarea()).toHaveProperty(
        'value',
        'kind: NetworkPolicy\nmetadata:\n  name: cart\n  namespace: shop\n',
      ),
    );
  });

  it('adds uploaded files to the draft', async () => {
    const user = renderPanel();
    const file = new File([DENY_ALL], 'deny.yaml', { type: 'application/yaml' });
    await user.upload(screen.getByLabelText('Upload YAML…'), file);
    await waitFor(() => expect(textarea()).toHaveProperty('value', DENY_ALL));
  });

  it('exports the draft: its policies to apply, and its deletions as kubectl commands', async () => {
    const user = renderPanel();
    await user.click(textarea());
    await user.paste(DENY_ALL);
    await user.click(await screen.findByRole('button', { name: 'Delete shop/frontend' }));
    await user.click(screen.getByRole('button', { name: 'Export YAML' }));
    const [blob, name] = vi.mocked(downloadBlob).mock.calls[0]!;
    expect(name).toBe('netmap-what-if.yaml');
    const text = await blob.text();
    expect(text).toContain('#   kubectl delete networkpolicy -n shop frontend\n');
    expect(text.endsWith(`---\n${DENY_ALL}`)).toBe(true);
  });

  it('clears the draft and its result', async () => {
    const user = renderPanel();
    await user.click(textarea());
    await user.paste(DENY_ALL);
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'What-if result' });
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(textarea()).toHaveProperty('value', '');
    expect(screen.queryByRole('region', { name: 'What-if result' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export YAML' })).toHaveProperty('disabled', true);
  });
});

import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { joinOutsidePieces } from '@netmap/engine';
import type { WhatIfResult } from '@netmap/model';
import { graphNode, kubectl, openMap, test } from './support.ts';

// Nothing in the demo's backoffice namespace is isolated for ingress: a default deny there closes
// every flow into its admin console, from the Internet, the ingress controller and the monitoring.
const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: backoffice
spec:
  podSelector: {}
  policyTypes:
    - Ingress
`;

test('a what-if draft lists and draws the flows a default deny would close, and exports', async ({
  page,
}, info) => {
  await openMap(page);
  await page.getByRole('button', { name: 'What-if' }).click();
  await page.getByLabel('Draft NetworkPolicy YAML').fill(DEFAULT_DENY);
  await page.getByRole('button', { name: 'Preview' }).click();
  const result = page.getByRole('region', { name: 'What-if result' });
  await expect(result).toBeVisible();

  const answer = await page.request.post('/api/v1/what-if', { data: { yaml: DEFAULT_DENY } });
  expect(answer.status()).toBe(200);
  // Listed as people read them: pieces of the outside that change alike, joined.
  const expected = joinOutsidePieces((await answer.json()) as WhatIfResult);
  expect(expected.flows.removed.length).toBeGreaterThan(0);
  const listed = await result
    .getByRole('list', { name: 'Flows the draft would deny' })
    .locator('li')
    .evaluateAll((items) => items.map((item) => `${item.dataset.from} > ${item.dataset.to}`));
  expect(listed).toEqual(expected.flows.removed.map((flow) => `${flow.from} > ${flow.to}`));
  await expect(result.getByText(`−${expected.flows.removed.length} flows`)).toBeVisible();
  await expect(result.getByRole('list', { name: 'Findings that would go' })).toContainText('backoffice');

  // Red edges into the admin console, from what is on the graph (kube-system is hidden).
  const removedEdges = page.getByRole('list', { name: 'What-if edges' }).locator('li[data-change="removed"]');
  await expect(removedEdges.first()).toBeAttached();
  const targets = await removedEdges.evaluateAll((items) => items.map((item) => item.dataset.target));
  expect(new Set(targets)).toEqual(new Set(['workload:backoffice/order-admin[Deployment]']));
  const sources = await removedEdges.evaluateAll((items) => items.map((item) => item.dataset.source));
  expect(sources).toContain('internet');
  await expect(result).toContainText(/not drawn: an end is not on the graph/);
  await expect(page.getByText('Flow the draft would deny', { exact: true })).toBeVisible();
  await page.screenshot({ path: info.outputPath('what-if-result.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export YAML' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('netmap-what-if.yaml');
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported).toContain('# Apply the policies below with: kubectl apply -f netmap-what-if.yaml');
  expect(exported.endsWith(`---\n${DEFAULT_DENY}`)).toBe(true);

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(result).toBeHidden();
  await expect(page.getByRole('list', { name: 'What-if edges' })).toHaveCount(0);
});

test('a draft and its preview outlive a change to the cluster, which asks for a new preview', async ({
  page,
}) => {
  await openMap(page);
  await page.getByRole('button', { name: 'What-if' }).click();
  await page.getByLabel('Draft NetworkPolicy YAML').fill(DEFAULT_DENY);
  await page.getByRole('button', { name: 'Preview' }).click();
  const result = page.getByRole('region', { name: 'What-if result' });
  await expect(result).toBeVisible();
  const changed = result.getByText('The cluster changed since the preview.');
  await expect(changed).toHaveCount(0);
  try {
    await kubectl('label', 'namespace', 'monitoring', 'netmap-e2e=what-if');
    await expect(changed).toBeVisible();
    await expect(page.getByLabel('Draft NetworkPolicy YAML')).toHaveValue(DEFAULT_DENY);
    await expect(page.getByRole('list', { name: 'What-if edges' }).locator('li').first()).toBeAttached();
    await result.getByRole('button', { name: 'Preview again' }).click();
    await expect(changed).toHaveCount(0);
    await expect(result.getByRole('list', { name: 'Flows the draft would deny' })).toBeVisible();
  } finally {
    await kubectl('label', 'namespace', 'monitoring', 'netmap-e2e-');
  }
});

test("a refused draft shows the server's message under the draft", async ({ page }, info) => {
  await openMap(page);
  await page.getByRole('button', { name: 'What-if' }).click();
  await page.getByLabel('Draft NetworkPolicy YAML').fill('kind: ConfigMap\nmetadata:\n  name: x\n');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /NetworkPolicy/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What-if result' })).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('what-if-refused.png') });
});

test('the findings list shows every finding; picking one selects its object on the graph', async ({
  page,
}, info) => {
  await openMap(page);
  await page.getByRole('button', { name: /^Findings \(\d+\)$/ }).click();
  const panel = page.getByRole('region', { name: 'Findings', exact: true });
  const total = Number(/\d+/.exec((await panel.getByRole('heading', { level: 2 }).textContent()) ?? '')![0]);
  const findings = (await (await page.request.get('/api/v1/findings')).json()) as unknown[];
  expect(total).toBe(findings.length);

  await page.screenshot({ path: info.outputPath('findings-list.png') });

  await panel.getByLabel('Severity', { exact: true }).selectOption('high');
  await panel.getByRole('button', { name: /order-admin-debug/ }).click();
  await expect(graphNode(page, 'service:backoffice/order-admin-debug')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(graphNode(page, 'service:backoffice/order-admin-debug')).toHaveAttribute(
    'data-highlighted',
    'true',
  );
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('order-admin-debug');
  await page.screenshot({ path: info.outputPath('findings.png') });
});

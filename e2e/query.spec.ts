import { expect } from '@playwright/test';
import { graphNode, openMap, test } from './support.ts';

async function check(page: import('@playwright/test').Page, from: string, to: string, port: string) {
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByLabel('Port', { exact: true }).fill(port);
  await page.getByLabel('Protocol', { exact: true }).selectOption('TCP');
  await page.getByRole('button', { name: 'Check' }).click();
}

test('a query through the form gives the verdict and draws the route', async ({ page }, info) => {
  await openMap(page);
  await check(page, 'shop/frontend[Deployment]', 'svc/shop/cart', '7070');
  await expect(page.getByRole('status')).toHaveText(/^Allowed/);
  await expect(page.getByRole('list', { name: 'Route' })).toContainText('Service shop/cart');
  await expect(graphNode(page, 'workload:shop/cart[Deployment]')).toHaveAttribute('data-highlighted', 'true');
  await expect(graphNode(page, 'workload:shop/frontend[Deployment]')).toHaveAttribute(
    'data-highlighted',
    'true',
  );
  await page.screenshot({ path: info.outputPath('query-allowed.png') });
});

test('a denied query names the policy and shows its YAML with the rule highlighted', async ({
  page,
}, info) => {
  await openMap(page);
  await check(page, 'shop/checkout[Deployment]', 'svc/shop/shipping', '50051');
  await expect(page.getByRole('status')).toHaveText(/^Denied/);
  // The demo's shipping policy has a typo in its podSelector: only these two select the pods.
  await page.getByRole('button', { name: 'NetworkPolicy shop/allow-prometheus-scrape' }).click();
  const viewer = page.getByRole('region', { name: 'NetworkPolicy shop/allow-prometheus-scrape' });
  await expect(viewer).toContainText('kind: NetworkPolicy');
  await page.getByRole('button', { name: 'ingress[0]' }).first().click();
  await expect(viewer.locator('.yaml-line.marked').first()).toBeVisible();
  await expect(viewer).toContainText('Highlighted: ingress[0]');
  await page.screenshot({ path: info.outputPath('query-denied.png') });
});

test('a question about an object that does not exist says what is wrong', async ({ page }) => {
  await openMap(page);
  await check(page, 'shop/nothing-here', 'svc/shop/cart', '7070');
  await expect(page.getByRole('alert')).toContainText('no pod shop/nothing-here');
});

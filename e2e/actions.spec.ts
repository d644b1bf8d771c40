import { expect } from '@playwright/test';
import { findAndSelect, graphNode, openMap, test } from './support.ts';

interface Reach {
  workload: string;
}

test('who can reach a workload: the list and the highlight match the server', async ({
  page,
  request,
}, info) => {
  await openMap(page);
  await findAndSelect(page, 'cart', /^workload shop\/cart$/);
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Deployment');
  await details.getByRole('button', { name: 'Who can reach this?' }).click();
  const answer: Reach[] = await (
    await request.get('/api/v1/who-can-reach', { params: { target: 'shop/cart[Deployment]' } })
  ).json();
  const workloads = [...new Set(answer.map((reach) => reach.workload))].sort();
  expect(workloads).toContain('shop/frontend[Deployment]');
  expect(workloads).not.toContain('shop/payment[Deployment]');
  const list = page.getByRole('region', { name: 'Who can reach this' });
  for (const workload of workloads) {
    await expect(list.getByRole('button', { name: workload, exact: true })).toBeVisible();
    await expect(graphNode(page, `workload:${workload}`)).toHaveAttribute('data-highlighted', 'true');
  }
  await expect(graphNode(page, 'workload:shop/payment[Deployment]')).not.toHaveAttribute(
    'data-highlighted',
    'true',
  );
  await page.screenshot({ path: info.outputPath('who-can-reach.png') });
});

test('what a workload can reach, and its pods on request', async ({ page, request }) => {
  await openMap(page);
  await findAndSelect(page, 'checkout', /^workload shop\/checkout$/);
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByRole('button', { name: 'What can this reach?' }).click();
  const answer: Reach[] = await (
    await request.get('/api/v1/reachable-from', { params: { source: 'shop/checkout[Deployment]' } })
  ).json();
  const list = page.getByRole('region', { name: 'What this can reach' });
  for (const workload of new Set(answer.map((reach) => reach.workload))) {
    await expect(list.getByRole('button', { name: workload, exact: true })).toBeVisible();
  }
  await details.getByRole('button', { name: 'Show pods' }).click();
  await expect(
    page.getByRole('list', { name: 'Graph nodes' }).locator('li[data-id^="pod:shop/checkout-"]').first(),
  ).toBeAttached();
});

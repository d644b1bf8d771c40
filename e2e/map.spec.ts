import { expect } from '@playwright/test';
import { graphNode, graphNodes, openMap, test } from './support.ts';

test('the graph shows the demo namespaces and their workloads, system namespaces hidden', async ({
  page,
}, info) => {
  await openMap(page);
  for (const namespace of ['shop', 'backoffice', 'monitoring', 'ingress-nginx']) {
    await expect(graphNode(page, `namespace:${namespace}`)).toBeAttached();
  }
  await expect(graphNode(page, 'namespace:kube-system')).toHaveCount(0);
  for (const workload of ['frontend', 'cart', 'checkout', 'payment']) {
    await expect(graphNode(page, `workload:shop/${workload}[Deployment]`)).toBeAttached();
  }
  await expect(graphNode(page, 'workload:shop/frontend[Deployment]')).toContainText(/pods?/);
  await expect(page.locator('.legend')).toContainText('Allowed flow');
  await expect(page.getByRole('banner')).toContainText('CNI: Calico');
  await page.screenshot({ path: info.outputPath('map.png') });
});

test('showing system namespaces and grouping by node change what is drawn', async ({ page }, info) => {
  await openMap(page);
  await page.getByLabel('Hide system namespaces', { exact: true }).uncheck();
  await expect(graphNode(page, 'namespace:kube-system')).toBeAttached();
  await page.getByLabel('Group by', { exact: true }).selectOption('node');
  await expect(graphNodes(page).filter({ hasText: 'node-1' }).first()).toBeAttached();
  await page.screenshot({ path: info.outputPath('by-node.png') });
});

import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { findAndSelect, graphNode, graphNodes, openMap, test } from './support.ts';

test('exports download a PNG and an SVG of the graph with its title', async ({ page }) => {
  await openMap(page);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^netmap-.*\.png$/);
  const pngBytes = readFileSync((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(20_000);
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svg.suggestedFilename()).toMatch(/^netmap-.*\.svg$/);
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('netmap — the embedded demo cluster');
  expect(svgText).toContain('Allowed flow');
});

test('the URL holds the view: a reload shows the same picture', async ({ page }) => {
  await openMap(page);
  await page.getByLabel('Namespaces', { exact: true }).selectOption(['shop']);
  await findAndSelect(page, 'cart', /^workload shop\/cart$/);
  await expect(graphNode(page, 'workload:shop/cart[Deployment]')).toHaveAttribute('aria-current', 'true');
  const before = await graphNodes(page).evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-id')),
  );
  expect(before).not.toContain('namespace:backoffice');
  const url = page.url();
  expect(url).toContain('?');
  await page.reload();
  await expect(page.getByTestId('connection')).toContainText('Live');
  await expect(graphNode(page, 'workload:shop/cart[Deployment]')).toHaveAttribute('aria-current', 'true');
  const after = await graphNodes(page).evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-id')),
  );
  expect(after).toEqual(before);
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('Namespaces', { exact: true })).toHaveValues(['shop']);
});

import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { openMap, test } from './support.ts';

// Where the downloaded report is opened: an address of its own, served with the report's own headers.
const REPORT_ADDRESS = 'http://report.invalid/netmap-report.html';

const SECTIONS = [
  'Summary',
  'Namespace map',
  'Reachability between namespaces',
  'Exposure to outside the cluster',
  'Findings',
  'Policy inventory',
];

test('the header downloads a report that stands alone, reads well and prints to A4', async ({
  page,
}, info) => {
  await openMap(page);
  const link = page.getByRole('banner').getByRole('link', { name: 'Report' });
  await page.getByRole('banner').screenshot({ path: info.outputPath('header.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^netmap-report-\d{4}-\d{2}-\d{2}\.html$/);
  const html = readFileSync((await download.path())!, 'utf8');

  // Opened as a browser opens a saved file, under the CSP the server sends with it.
  const served = await page.request.get('/api/v1/report?format=html');
  const csp = served.headers()['content-security-policy']!;
  expect(csp).toContain("default-src 'none'");
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route(REPORT_ADDRESS, (route) =>
    route.fulfill({
      body: html,
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': csp },
    }),
  );
  await page.goto(REPORT_ADDRESS);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network policy review');
  for (const name of SECTIONS) await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.locator('main')).toContainText('demo: the embedded demo cluster');
  await expect(
    page.getByRole('img', { name: 'Connections between namespaces and the outside' }),
  ).toBeVisible();
  await expect(page.locator('table.matrix th[scope="row"]').first()).toHaveText('Outside');
  await expect(page.locator('#exposure')).toContainText('backoffice/order-admin-debug');
  await expect(page.locator('#policies')).toContainText('shiping');
  // Styles apply under the CSP: the cover's heading is not the browser's default size.
  expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontSize)).toBe('26px');
  expect(requests).toEqual([REPORT_ADDRESS]);
  await page.screenshot({ path: info.outputPath('report.png'), fullPage: true });

  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: info.outputPath('report.pdf') });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  // A page per section at least: the print style breaks before each one.
  expect(pages.length).toBeGreaterThanOrEqual(SECTIONS.length);
  expect(requests).toEqual([REPORT_ADDRESS]);
});

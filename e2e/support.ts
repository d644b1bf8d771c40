import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';

/** Playwright's test, failing any test whose page logged a Content-Security-Policy violation or an error. */
export const test = base.extend<{ consoleProblems: void }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        // A refused question (400) is logged by the browser as a failed load: that is not a problem.
        const isProblem = message.type() === 'error' && !message.text().startsWith('Failed to load resource');
        if (isProblem || message.text().includes('Content Security Policy')) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

/** The graph's nodes, as the page lists them for screen readers. */
export const graphNodes = (page: Page) => page.getByRole('list', { name: 'Graph nodes' }).locator('li');

/** One node of the graph by its model id. */
export const graphNode = (page: Page, id: string) =>
  page.getByRole('list', { name: 'Graph nodes' }).locator(`li[data-id="${id}"]`);

/** Opens the app and waits until the graph shows the live model. */
export async function openMap(page: Page, search = ''): Promise<void> {
  await page.goto(`/${search}`);
  await expect(page.getByTestId('connection')).toContainText('Live');
  await expect(graphNodes(page).first()).toBeAttached();
}

/** kubectl against the demo cluster, as a user changes it while watching. */
export async function kubectl(...args: string[]): Promise<string> {
  const kubeconfig = process.env.NETMAP_E2E_KUBECONFIG;
  if (!kubeconfig)
    throw new Error('NETMAP_E2E_KUBECONFIG is not set: run the tests through playwright.config.ts');
  const { stdout } = await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfig, ...args]);
  return stdout;
}

/** Picks an object with the search box, as a user finds it. */
export async function findAndSelect(page: Page, text: string, option: RegExp): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('button', { name: option }).click();
}

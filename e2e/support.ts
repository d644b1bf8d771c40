import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';

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

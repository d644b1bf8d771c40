import type { WebBenchPage } from './web-page.ts';

declare global {
  interface Window {
    /** The benchmark page's API, which `page.evaluate` calls. */
    netmapBench: WebBenchPage;
  }
}

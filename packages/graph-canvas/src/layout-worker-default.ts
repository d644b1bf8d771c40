import { createWorkerLayout, type BackgroundLayout } from './background-layout.ts';

/**
 * The layout worker as the app's bundler builds it: Vite turns this `new Worker(new URL(…))` into
 * a worker chunk of its own, served from the app's origin (the page's CSP allows `worker-src 'self'`).
 */
export function defaultBackgroundLayout(): BackgroundLayout {
  return createWorkerLayout(
    () =>
      new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'netmap-layout' }),
  );
}

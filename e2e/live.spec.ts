import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { graphNode, kubectl, openMap, test } from './support.ts';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: live-check
  namespace: shop
  labels: { app: live-check }
spec:
  replicas: 1
  selector: { matchLabels: { app: live-check } }
  template:
    metadata: { labels: { app: live-check } }
    spec:
      containers: [{ name: app, image: example/live-check:1, ports: [{ containerPort: 8080 }] }]
`;

test('a change made with kubectl appears in the open page within a second, and goes again', async ({
  page,
}) => {
  await openMap(page);
  const file = join(mkdtempSync(join(tmpdir(), 'netmap-live-')), 'deployment.yaml');
  writeFileSync(file, DEPLOYMENT);
  const node = graphNode(page, 'workload:shop/live-check[Deployment]');
  await expect(node).toHaveCount(0);
  await kubectl('create', '--validate=false', '-f', file);
  await expect(node).toBeAttached({ timeout: 1000 });
  await kubectl('delete', 'deployment', 'live-check', '-n', 'shop');
  await expect(node).toHaveCount(0, { timeout: 1000 });
  await expect(page.getByTestId('connection')).toContainText('Live');
});

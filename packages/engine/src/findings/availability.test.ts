import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { deployment, findingWith, idsOf, runningPod, service } from '../test-support/finding-objects.ts';

const pod = (name: string, node?: string, isReady = true) =>
  runningPod(`shop/${name}`, { app: 'web' }, { ...(node ? { node } : {}), isReady });
const web = service('shop/web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });

describe('availability', () => {
  it.each<[string, KubeObject[], string[]]>([
    ['one pod', [pod('a', 'n1')], ['single-backend:shop/web']],
    ['two pods on two nodes', [pod('a', 'n1'), pod('b', 'n2')], []],
    ['two pods on one node', [pod('a', 'n1'), pod('b', 'n1')], ['single-node:shop/web']],
    ['two pods, one node not known', [pod('a', 'n1'), pod('b')], []],
    ['two pods, one not ready', [pod('a', 'n1'), pod('b', 'n2', false)], ['single-backend:shop/web']],
    ['no ready pod (a wiring finding)', [pod('a', 'n1', false)], []],
    ['a workload without pods (its replicas are not known)', [deployment('shop/web', { app: 'web' })], []],
  ])('%s', (_title, pods, expected) => {
    const ids = [...idsOf([...pods, web], 'single-backend'), ...idsOf([...pods, web], 'single-node')];
    expect(ids).toEqual(expected);
  });

  it('names the pod, the workload and the node', () => {
    expect(findingWith([pod('a', 'n1'), web], 'single-backend:shop/web')).toMatchObject({
      severity: 'low',
      category: 'availability',
      objects: ['Service shop/web'],
      message:
        'Service shop/web has one ready pod (shop/a, of shop/a[Pod]): when it restarts or its node fails, the Service is down',
    });
    expect(findingWith([pod('a', 'n1'), pod('b', 'n1'), web], 'single-node:shop/web').message).toBe(
      'Service shop/web: all 2 ready pods (of shop/a[Pod] and shop/b[Pod]) run on node n1: when it fails, the Service is down',
    );
  });
});

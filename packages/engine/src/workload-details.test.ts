import { describe, expect, it } from 'vitest';
import { ADMIN_FINDING, details } from './test-support/details-cluster.ts';

const findingIds = (id: string) => details(id)?.findings.map((finding) => finding.id);

describe('workload and pod details', () => {
  it('describes a workload: its pods, ports, Services, policies and the findings of those policies', () => {
    expect(details('workload:shop/web[Deployment]')).toEqual({
      kind: 'workload',
      id: 'workload:shop/web[Deployment]',
      name: 'web',
      namespace: 'shop',
      labels: { app: 'web' },
      findings: [expect.objectContaining({ id: ADMIN_FINDING, severity: 'low' })],
      workloadKind: 'Deployment',
      isTemplate: false,
      pods: [
        {
          id: 'pod:shop/web-5d-a',
          name: 'web-5d-a',
          ips: ['10.0.0.1'],
          nodeName: 'n1',
          isActive: true,
          isReady: true,
          owner: { kind: 'ReplicaSet', name: 'web-5d' },
        },
        {
          id: 'pod:shop/web-5d-b',
          name: 'web-5d-b',
          ips: ['10.0.0.2'],
          nodeName: 'n2',
          isActive: true,
          isReady: false,
          owner: { kind: 'ReplicaSet', name: 'web-5d' },
        },
      ],
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP' },
        { name: 'metrics', port: 9090, protocol: 'TCP' },
      ],
      hostNetwork: false,
      services: ['service:shop/web'],
      policies: { ingress: ['shop/web'], egress: ['shop/deny-egress'] },
      isolated: { ingress: true, egress: true },
    });
  });

  it('describes a workload without pods from its template', () => {
    const api = details('workload:shop/api[Deployment]');
    expect(api).toMatchObject({
      isTemplate: true,
      pods: [],
      labels: { app: 'api' },
      ports: [{ name: 'grpc', port: 9000, protocol: 'TCP' }],
      services: ['service:shop/api'],
      policies: { ingress: [], egress: ['shop/deny-egress'] },
      isolated: { ingress: false, egress: true },
    });
    // No policy selects its pods for ingress.
    expect(api?.findings.map((finding) => finding.id)).toEqual(['unprotected:ingress:shop/api[Deployment]']);
  });

  it('describes a pod with its owner chain up to its workload', () => {
    expect(details('pod:shop/web-5d-a')).toMatchObject({
      kind: 'pod',
      workload: 'workload:shop/web[Deployment]',
      ownerChain: [
        { kind: 'ReplicaSet', name: 'web-5d' },
        { kind: 'Deployment', name: 'web' },
      ],
      ips: ['10.0.0.1'],
      nodeName: 'n1',
      services: ['service:shop/web'],
      policies: { ingress: ['shop/web'], egress: ['shop/deny-egress'] },
    });
    expect(findingIds('pod:shop/web-5d-a')).toEqual([ADMIN_FINDING]);
    // Not ready: no Service sends to it.
    expect(details('pod:shop/web-5d-b')).toMatchObject({ isReady: false, services: [] });
    expect(details('pod:shop/client')).toMatchObject({
      ownerChain: [],
      workload: 'workload:shop/client[Pod]',
    });
  });

  it('describes a finished pod, which takes part in no flow, with the policies that select it', () => {
    expect(details('pod:shop/nightly-1-x')).toMatchObject({
      isActive: false,
      workload: 'workload:shop/nightly[CronJob]',
      ownerChain: [
        { kind: 'Job', name: 'nightly-1' },
        { kind: 'CronJob', name: 'nightly' },
      ],
      policies: { ingress: [], egress: ['shop/deny-egress'] },
    });
    expect(details('workload:shop/nightly[CronJob]')).toMatchObject({ isolated: { egress: true } });
  });
});

import { describe, expect, it } from 'vitest';
import { details } from './test-support/details-cluster.ts';

describe('Service and Ingress details', () => {
  it('describes a Service: every backend per port, their workloads, the Ingresses in front', () => {
    expect(details('service:shop/web')).toMatchObject({
      serviceType: 'NodePort',
      labels: { tier: 'front' },
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', nodePort: 30080 },
        { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090 },
      ],
      // web-5d-b is not ready.
      backends: [
        {
          pod: 'pod:shop/web-5d-a',
          workload: 'workload:shop/web[Deployment]',
          servicePort: 80,
          protocol: 'TCP',
          port: 8080,
        },
        {
          pod: 'pod:shop/web-5d-a',
          workload: 'workload:shop/web[Deployment]',
          servicePort: 9090,
          protocol: 'TCP',
          port: 9090,
        },
      ],
      workloads: ['workload:shop/web[Deployment]'],
      ingresses: ['ingress:shop/web'],
    });
    // A workload's template stands in for pods that do not exist: no pod id.
    expect(details('service:shop/api')).toMatchObject({
      backends: [
        { workload: 'workload:shop/api[Deployment]', servicePort: 9000, protocol: 'TCP', port: 9000 },
      ],
    });
    expect(details('service:shop/api')).not.toHaveProperty('backends.0.pod');
  });

  it('describes an Ingress: class, routes to Service ids, TLS hosts', () => {
    expect(details('ingress:shop/web')).toMatchObject({
      ingressClassName: 'nginx',
      routes: [
        {
          host: 'web.example.com',
          path: '/',
          pathType: 'Prefix',
          service: 'service:shop/web',
          servicePort: { number: 80 },
          isTls: true,
        },
      ],
      tls: [{ hosts: ['web.example.com'] }],
    });
  });
});

import type { KubeObject, NetworkPolicy } from '@netmap/model';
import { runningPod } from './finding-objects.ts';
import { app, namespace, policy } from './objects.ts';

// A shop namespace of three bare pods (web on 8080, api on 9000, a client) for what-if tests.

/** The pods and their namespace, without policies: everything reaches everything. */
export const SHOP: KubeObject[] = [
  namespace('shop', {}),
  runningPod('shop/web', { app: 'web' }, { ip: '10.9.0.1', ports: [{ name: 'http', containerPort: 8080 }] }),
  runningPod('shop/api', { app: 'api' }, { ip: '10.9.0.2', ports: [{ name: 'grpc', containerPort: 9000 }] }),
  runningPod('shop/client', { app: 'client' }, { ip: '10.9.0.3', ports: [] }),
];

/** Isolates every pod of the shop for ingress. */
export const DENY_INGRESS: NetworkPolicy = policy('shop/deny-ingress', {
  podSelector: {},
  policyTypes: ['Ingress'],
});

/** Lets the client reach web on TCP 8080. */
export const CLIENT_TO_WEB: NetworkPolicy = policy('shop/client-to-web', {
  podSelector: app('web'),
  ingress: [{ from: [{ podSelector: app('client') }], ports: [{ port: 8080 }] }],
});

/** Lets these addresses reach web on TCP 8080. */
export function outsideToWeb(cidr: string): NetworkPolicy {
  return policy('shop/outside-to-web', {
    podSelector: app('web'),
    ingress: [{ from: [{ ipBlock: { cidr } }], ports: [{ port: 8080 }] }],
  });
}

import type { KubeObject } from '@netmap/model';
import fc, { type Arbitrary } from 'fast-check';

// Services and Ingresses over the pods of `clusterArbitrary` (namespaces alpha, beta, gamma; pod
// labels app and tier; container ports http, dns, metrics), so that every kind of finding can occur.

const NAMESPACES = ['alpha', 'beta', 'gamma'];

const serviceArbitrary = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  name: fc.constantFrom('web', 'db', 'api'),
  selector: fc.option(fc.record({ app: fc.constantFrom('web', 'db', 'api', 'none') }), { nil: undefined }),
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
  externalTrafficPolicy: fc.constantFrom(undefined, 'Local', 'Cluster'),
  targetPort: fc.constantFrom<number | string>('http', 'dns', 'metrics', 80, 8080, 9999),
  protocol: fc.constantFrom('TCP', 'UDP'),
});

const ingressArbitrary = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  service: fc.constantFrom('web', 'db', 'api'),
  port: fc.constantFrom<number | string>(80, 'main', 'other'),
});

type ServiceSpec = typeof serviceArbitrary extends Arbitrary<infer T> ? T : never;
type IngressSpec = typeof ingressArbitrary extends Arbitrary<infer T> ? T : never;

function buildService(spec: ServiceSpec): KubeObject {
  const { namespace, name, selector, type, externalTrafficPolicy, targetPort, protocol } = spec;
  return {
    kind: 'Service',
    metadata: { namespace, name },
    spec: {
      type,
      ...(selector ? { selector } : {}),
      ...(externalTrafficPolicy && type !== 'ClusterIP' ? { externalTrafficPolicy } : {}),
      ports: [{ name: 'main', port: 80, targetPort, protocol }],
    },
  } as KubeObject;
}

function buildIngress(spec: IngressSpec, i: number): KubeObject {
  const port = typeof spec.port === 'number' ? { number: spec.port } : { name: spec.port };
  return {
    kind: 'Ingress',
    metadata: { namespace: spec.namespace, name: `ingress-${i}` },
    spec: {
      rules: [
        {
          host: `${spec.service}.example.com`,
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: spec.service, port } } }],
          },
        },
      ],
    },
  } as KubeObject;
}

/** A few Services (distinct by namespace and name) and Ingresses. */
export const servicesArbitrary: Arbitrary<KubeObject[]> = fc
  .tuple(
    fc.uniqueArray(serviceArbitrary, { maxLength: 4, selector: (s) => `${s.namespace}/${s.name}` }),
    fc.array(ingressArbitrary, { maxLength: 2 }),
  )
  .map(([services, ingresses]) => [...services.map(buildService), ...ingresses.map(buildIngress)]);

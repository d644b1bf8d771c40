import type { NetworkPolicySpec } from '@netmap/model';
import type { AppInfo, GenerationContext, NamespaceInfo } from './generation-context.ts';
import { DNS_EGRESS, INTERNET, namespaceNamed } from './policy-builder.ts';

/** What a workload's policy may refer to besides the workload itself. */
export interface PolicyScope {
  namespace: NamespaceInfo;
  /** Apps of the same namespace (peers by podSelector). */
  neighbours: readonly AppInfo[];
  namespaces: readonly NamespaceInfo[];
}

/** Makes the spec of one policy for `app`; its name is the returned prefix plus the app's name. */
type WorkloadPolicyMaker = (
  context: GenerationContext,
  app: AppInfo,
  scope: PolicyScope,
) => [string, NetworkPolicySpec];

/** Subnets outside the cluster that workloads talk to: on-premises databases, partner VPNs. */
const EXTERNAL_SUBNETS = [
  '192.168.10.0/24',
  '192.168.20.0/24',
  '172.31.5.0/24',
  '172.31.8.0/24',
  '100.64.3.0/24',
];

const selectApp = (app: AppInfo) => ({ matchLabels: { app: app.app } });

/** Policies teams write for one workload; each is picked with equal odds. */
const WORKLOAD_POLICIES: readonly WorkloadPolicyMaker[] = [
  // Pod-to-pod allow from a neighbour, on a named port of the destination (or the number behind it).
  (context, app, scope) => {
    const from = context.random.pick(scope.neighbours);
    const port = app.portNames.includes('http') && context.random.chance(0.5) ? 'http' : 8080;
    return [
      'allow-from-' + from.app,
      {
        podSelector: selectApp(app),
        ingress: [{ from: [{ podSelector: selectApp(from) }], ports: [{ port }] }],
      },
    ];
  },
  (context, app, scope) => {
    const from = context.random.pick(scope.neighbours);
    return [
      'allow-grpc-' + from.app,
      {
        podSelector: selectApp(app),
        ingress: [{ from: [{ podSelector: selectApp(from) }], ports: [{ port: 'grpc' }, { port: 50051 }] }],
      },
    ];
  },
  // Frontends of another team's namespaces: namespaceSelector AND podSelector in one peer.
  (context, app, scope) => {
    const team = context.random.pick(scope.namespaces).team;
    const peer = {
      namespaceSelector: { matchLabels: { team } },
      podSelector: { matchLabels: { tier: 'frontend' } },
    };
    return [
      'allow-team-' + team,
      { podSelector: selectApp(app), ingress: [{ from: [peer], ports: [{ port: 'http' }] }] },
    ];
  },
  (_context, app) => {
    const podSelector = {
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['frontend', 'backend'] },
        { key: 'app', operator: 'Exists' },
      ],
    };
    const namespaceSelector = { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] };
    const target = {
      matchLabels: { app: app.app },
      matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['v0'] }],
    };
    return [
      'allow-prod-callers',
      {
        podSelector: target,
        ingress: [{ from: [{ namespaceSelector, podSelector }], ports: [{ port: 8080 }] }],
      },
    ];
  },
  (_context, app) => [
    'allow-internet-egress',
    {
      podSelector: selectApp(app),
      policyTypes: ['Egress'],
      egress: [{ to: [INTERNET], ports: [{ port: 443 }] }, DNS_EGRESS],
    },
  ],
  // A specific subnet; now and then a node's pod range inside the cluster (a legacy allow-list).
  (context, app) => {
    const legacy =
      context.network.nodes[context.random.int(0, Math.min(20, context.network.nodes.length - 1))]!;
    const cidr = context.random.chance(0.15)
      ? context.network.podCidrOf(legacy)
      : context.random.pick(EXTERNAL_SUBNETS);
    const egress = [{ to: [{ ipBlock: { cidr } }], ports: [{ port: 5432 }, { port: 443 }] }, DNS_EGRESS];
    return ['allow-subnet-egress', { podSelector: selectApp(app), policyTypes: ['Egress'], egress }];
  },
  // Port ranges: NodePort-style and a block of app ports.
  (context, app) => {
    const ports = context.random.chance(0.5)
      ? [{ port: 30000, endPort: 32767 }]
      : [
          { port: 8000, endPort: 8100 },
          { protocol: 'UDP', port: 9000, endPort: 9010 },
        ];
    return [
      'allow-port-range',
      {
        podSelector: selectApp(app),
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } } }], ports }],
      },
    ];
  },
  (_context, app) => {
    const to = [
      { podSelector: { matchLabels: { tier: 'database' } } },
      { podSelector: { matchLabels: { tier: 'cache' } } },
    ];
    const ports = [{ port: 'postgres' }, { port: 'redis' }];
    return [
      'allow-datastores',
      { podSelector: selectApp(app), policyTypes: ['Egress'], egress: [{ to, ports }, DNS_EGRESS] },
    ];
  },
  (_context, app, scope) => [
    'allow-monitoring',
    {
      podSelector: selectApp(app),
      ingress: [{ from: [namespaceNamed('monitoring')], ports: [{ port: 'metrics' }] }],
      policyTypes: scope.namespace.env === 'prod' ? ['Ingress'] : [],
    },
  ],
];

/** One policy for `app`, of a kind picked at random. */
export function workloadPolicySpec(
  context: GenerationContext,
  app: AppInfo,
  scope: PolicyScope,
): [string, NetworkPolicySpec] {
  const [prefix, spec] = context.random.pick(WORKLOAD_POLICIES)(context, app, scope);
  return [`${prefix}-to-${app.app}`, spec];
}

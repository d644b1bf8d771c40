import type { NetworkPolicy } from '@netmap/model';
import type { AppInfo, GenerationContext, NamespaceInfo } from './generation-context.ts';
import { DNS_EGRESS, INTERNET, namespaceNamed, networkPolicy } from './policy-builder.ts';

/** Makes one of a namespace's baseline policies, or none when it does not fit the namespace. */
export type NamespacePolicyMaker = (
  context: GenerationContext,
  namespace: NamespaceInfo,
  apps: readonly AppInfo[],
) => NetworkPolicy | undefined;

const ALL_PODS = {};

/**
 * The policies platform teams roll out to every application namespace, most common first: a cluster
 * with few policies has default-deny everywhere before it has anything more specific.
 */
export const NAMESPACE_POLICIES: readonly NamespacePolicyMaker[] = [
  (context, ns) =>
    networkPolicy(context, ns.name, 'default-deny-ingress', {
      podSelector: ALL_PODS,
      policyTypes: ['Ingress'],
    }),
  (context, ns) =>
    networkPolicy(context, ns.name, 'allow-same-namespace', {
      podSelector: ALL_PODS,
      ingress: [{ from: [{ podSelector: ALL_PODS }] }],
    }),
  // Namespaces that lock egress down still let pods resolve names and talk among themselves.
  (context, ns) =>
    ns.locksEgress
      ? networkPolicy(context, ns.name, 'default-deny-egress', {
          podSelector: ALL_PODS,
          policyTypes: ['Egress'],
        })
      : undefined,
  (context, ns) =>
    ns.locksEgress
      ? networkPolicy(context, ns.name, 'allow-dns-egress', {
          podSelector: ALL_PODS,
          policyTypes: ['Egress'],
          egress: [DNS_EGRESS],
        })
      : undefined,
  (context, ns) =>
    ns.locksEgress
      ? networkPolicy(context, ns.name, 'allow-same-namespace-egress', {
          podSelector: ALL_PODS,
          policyTypes: ['Egress'],
          egress: [{ to: [{ podSelector: ALL_PODS }] }],
        })
      : undefined,
  (context, ns) =>
    networkPolicy(context, ns.name, 'allow-prometheus-scrape', {
      podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
      ingress: [
        {
          from: [{ ...namespaceNamed('monitoring'), podSelector: { matchLabels: { app: 'prometheus' } } }],
          ports: [{ port: 'metrics' }],
        },
      ],
    }),
  (context, ns, apps) =>
    apps.some((app) => app.tier === 'frontend')
      ? networkPolicy(context, ns.name, 'allow-from-ingress-nginx', {
          podSelector: { matchLabels: { tier: 'frontend' } },
          ingress: [
            {
              from: [
                {
                  ...namespaceNamed('ingress-nginx'),
                  podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller' } },
                },
              ],
              ports: [{ port: 'http' }],
            },
          ],
        })
      : undefined,
  (context, ns) =>
    networkPolicy(context, ns.name, 'allow-from-same-team', {
      podSelector: { matchLabels: { tier: 'backend' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: ns.team, env: ns.env } } }] }],
    }),
];

/** Policies of the system namespaces: DNS open to every namespace, Prometheus scraping everything. */
export function systemPolicies(context: GenerationContext): NetworkPolicy[] {
  return [
    networkPolicy(context, 'kube-system', 'allow-dns-from-cluster', {
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      ingress: [
        {
          from: [{ namespaceSelector: ALL_PODS }],
          ports: [
            { protocol: 'UDP', port: 'dns' },
            { protocol: 'TCP', port: 'dns-tcp' },
          ],
        },
      ],
    }),
    networkPolicy(context, 'monitoring', 'default-deny-ingress', {
      podSelector: ALL_PODS,
      policyTypes: ['Ingress'],
    }),
    networkPolicy(context, 'monitoring', 'prometheus-scrape-all', {
      podSelector: { matchLabels: { app: 'prometheus' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: ALL_PODS }] }, DNS_EGRESS],
    }),
    networkPolicy(context, 'ingress-nginx', 'allow-web-from-anywhere', {
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller' } },
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 80 }, { port: 443 }] }],
    }),
    networkPolicy(context, 'ingress-nginx', 'controller-egress', {
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }],
              },
            },
          ],
        },
        { to: [INTERNET], ports: [{ port: 443 }] },
        DNS_EGRESS,
      ],
    }),
  ];
}

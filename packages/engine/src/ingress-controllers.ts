import type { IngressClass } from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import type { IngressRoute } from './ingress-routes.ts';
import { labelValue, type Labels } from './label-selector.ts';
import type { PodFacts } from './pod-facts.ts';

/** Labels that the usual installs of well-known ingress controllers put on their pods, by IngressClass controller. */
export const WELL_KNOWN_CONTROLLER_LABELS: Readonly<Record<string, readonly Labels[]>> = {
  'k8s.io/ingress-nginx': [
    { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
  ],
  'nginx.org/ingress-controller': [{ 'app.kubernetes.io/name': 'nginx-ingress' }, { app: 'nginx-ingress' }],
  'traefik.io/ingress-controller': [{ 'app.kubernetes.io/name': 'traefik' }],
  'haproxy.org/ingress-controller/haproxy': [{ 'app.kubernetes.io/name': 'kubernetes-ingress' }],
  'projectcontour.io/ingress-controller': [{ 'app.kubernetes.io/component': 'envoy' }, { app: 'envoy' }],
  'istio.io/ingress-controller': [{ istio: 'ingressgateway' }],
};

/**
 * The pods of the controller that serves a route: its IngressClass (by ingressClassName, else the
 * default class) names the controller, and the controller's well-known labels find its pods.
 * `labelSets` overrides the well-known labels. Empty when the controller's pods are not in the input.
 */
export function ingressControllerPods(
  state: ClusterState,
  route: IngressRoute,
  labelSets?: readonly Labels[],
): PodFacts[] {
  const wanted = labelSets ?? labelSetsFor(controllerOf(state, route.ingressClassName));
  return [...state.activePods()].filter((pod) => hasAnyLabelSet(pod.labels, wanted));
}

/** Whether a pod with these labels may be an ingress controller's (`labelSets`, else any well-known controller's). */
export function mayBeIngressController(labels: Labels, labelSets?: readonly Labels[]): boolean {
  return hasAnyLabelSet(labels, labelSets ?? Object.values(WELL_KNOWN_CONTROLLER_LABELS).flat());
}

function hasAnyLabelSet(labels: Labels, labelSets: readonly Labels[]): boolean {
  return labelSets.some((wanted) =>
    Object.entries(wanted).every(([key, value]) => labelValue(labels, key) === value),
  );
}

function controllerOf(state: ClusterState, className: string | undefined): string | undefined {
  const classes = [...state.stored.values()].filter((o): o is IngressClass => o.kind === 'IngressClass');
  const named = className
    ? classes.find((c) => c.metadata?.name === className)
    : classes.find(
        (c) => c.metadata?.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true',
      );
  return named?.spec?.controller;
}

function labelSetsFor(controller: string | undefined): readonly Labels[] {
  if (controller && WELL_KNOWN_CONTROLLER_LABELS[controller]) return WELL_KNOWN_CONTROLLER_LABELS[controller];
  // Unknown class or controller: any well-known controller's pods may serve it.
  return Object.values(WELL_KNOWN_CONTROLLER_LABELS).flat();
}

import type { ContainerPort, Ingress, IngressClass, Service, ServicePort } from '@netmap/model';
import type { AppInfo, GenerationContext } from './generation-context.ts';

/**
 * The Services of an app: a ClusterIP Service for most, NodePort or LoadBalancer for some frontends,
 * a headless Service for each StatefulSet (its pods' stable DNS names).
 */
export function createServices(
  context: GenerationContext,
  app: AppInfo,
  ports: readonly ContainerPort[],
): void {
  const { random } = context;
  const servicePorts = ports.map(servicePortOf);
  if (app.kind === 'StatefulSet')
    context.objects.push(service(context, app, `${app.app}-headless`, 'None', servicePorts));
  if (app.tier === 'worker' && random.chance(0.5)) return;
  const type =
    app.tier === 'frontend'
      ? random.pick(['ClusterIP', 'ClusterIP', 'NodePort', 'LoadBalancer'])
      : 'ClusterIP';
  context.objects.push(service(context, app, app.app, type, servicePorts));
}

/** An Ingress that routes a host per frontend to its Service through ingress-nginx. */
export function createIngress(
  context: GenerationContext,
  namespace: string,
  frontends: readonly AppInfo[],
): void {
  if (frontends.length === 0) return;
  const rules = frontends.map((app) => ({
    host: `${app.app}.${namespace}.example.com`,
    http: {
      paths: [
        { path: '/', pathType: 'Prefix', backend: { service: { name: app.app, port: { name: 'http' } } } },
      ],
    },
  }));
  const ingress: Ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `${namespace}-web`, namespace, uid: context.random.uid() },
    spec: {
      ingressClassName: 'nginx',
      rules,
      tls: [{ hosts: rules.map((r) => r.host), secretName: `${namespace}-tls` }],
    },
  };
  context.objects.push(ingress);
}

/** The IngressClass that ingress-nginx serves. */
export function nginxIngressClass(): IngressClass {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  };
}

function service(
  context: GenerationContext,
  app: AppInfo,
  name: string,
  type: string,
  ports: ServicePort[],
): Service {
  const { network, random } = context;
  const isHeadless = type === 'None';
  const clusterIP = isHeadless ? 'None' : network.serviceIp();
  const object: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: app.namespace, uid: random.uid(), labels: { app: app.app } },
    spec: {
      type: isHeadless ? 'ClusterIP' : type,
      selector: { app: app.app },
      clusterIP,
      clusterIPs: [clusterIP],
      ports:
        type === 'NodePort' || type === 'LoadBalancer'
          ? ports.map((p) => withNodePort(p, random.int(30000, 32767)))
          : ports,
    },
  };
  if (type === 'LoadBalancer')
    object.status = { loadBalancer: { ingress: [{ ip: network.loadBalancerIp() }] } };
  return object;
}

function servicePortOf(port: ContainerPort): ServicePort {
  const name = port.name ?? 'port';
  const number = name === 'http' ? 80 : (port.containerPort ?? 80);
  return { name, protocol: port.protocol ?? 'TCP', port: number, targetPort: name };
}

function withNodePort(port: ServicePort, nodePort: number): ServicePort {
  return { ...port, nodePort };
}

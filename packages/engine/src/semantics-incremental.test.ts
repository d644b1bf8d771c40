// Following changes one object at a time gives what evaluating the resulting objects afresh gives.
import type { KubeObject, OwnerReference, Pod, Workload } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { policy } from './test-support/objects.ts';
import type { ObjectChange } from './cluster-state.ts';
import { evaluateCluster, type Evaluation } from './evaluation.ts';

function pod(ref: string, ip: string, labels: Record<string, string>, owner?: OwnerReference): Pod {
  const [namespace, name] = ref.split('/');
  const ownerReferences = owner ? [{ ...owner, controller: true }] : undefined;
  const ports = [{ name: 'http', containerPort: 8080 }];
  return {
    kind: 'Pod',
    metadata: { namespace, name, labels, ownerReferences },
    spec: { containers: [{ name: 'c', ports }] },
    status: { phase: 'Running', podIP: ip },
  };
}

function workload(
  kind: string,
  ref: string,
  labels: Record<string, string>,
  owner?: OwnerReference,
): Workload {
  const [namespace, name] = ref.split('/');
  const ownerReferences = owner ? [{ ...owner, controller: true }] : undefined;
  const template = {
    metadata: { labels },
    spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] },
  };
  return { kind, metadata: { namespace, name, ownerReferences }, spec: { template } };
}

const namespace = (name: string, labels: Record<string, string>): KubeObject => ({
  kind: 'Namespace',
  metadata: { name, labels },
});
const upsert = (object: KubeObject): ObjectChange => ({ type: 'upsert', object });
const remove = (object: KubeObject): ObjectChange => ({ type: 'delete', object });

const webIn = policy('x/web-in', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [
    {
      from: [
        { podSelector: { matchLabels: { app: 'client' } } },
        { namespaceSelector: { matchLabels: { team: 'b' } } },
      ],
      ports: [{ port: 'http' }],
    },
  ],
});
const webPod = pod('x/web-7f-a', '10.0.0.1', { app: 'web' }, { kind: 'ReplicaSet', name: 'web-7f' });
const client = pod('x/client', '10.0.0.2', { app: 'client' });
const pending: Pod = { ...pod('x/client-3', '', { app: 'client' }), status: { phase: 'Pending' } };

/** Two namespaces with labels, one without a Namespace object; a Deployment with its pod; two policies. */
const base = (): KubeObject[] => [
  namespace('x', { team: 'a' }),
  namespace('y', { team: 'b' }),
  workload('Deployment', 'x/web', { app: 'web' }),
  workload('ReplicaSet', 'x/web-7f', { app: 'web' }, { kind: 'Deployment', name: 'web' }),
  webPod,
  client,
  pending,
  pod('y/probe', '10.0.1.1', { app: 'probe' }),
  pod('z/batch', '10.0.2.1', { app: 'batch' }),
  webIn,
  policy('y/probe-out', {
    podSelector: {},
    egress: [{ to: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] }],
  }),
];

const steps: [string, ObjectChange][] = [
  ['upserting a new pod', upsert(pod('x/client-2', '10.0.0.3', { app: 'client' }))],
  ['relabelling a pod', upsert(pod('x/client', '10.0.0.2', { app: 'other' }))],
  ['deleting a pod', remove(client)],
  ['a Pending pod getting its IP', upsert(pod('x/client-3', '10.0.0.4', { app: 'client' }))],
  ['a pod finishing', upsert({ ...client, status: { phase: 'Succeeded', podIP: '10.0.0.2' } })],
  ['upserting a namespace with other labels', upsert(namespace('y', { team: 'a' }))],
  ['upserting a namespace first seen', upsert(namespace('z', { team: 'a' }))],
  ['deleting a namespace', remove(namespace('x', {}))],
  [
    'upserting a new policy',
    upsert(policy('z/deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })),
  ],
  [
    'changing a policy',
    upsert(
      policy('x/web-in', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ namespaceSelector: {} }] }],
      }),
    ),
  ],
  [
    'adding a policy with an ipBlock',
    upsert(
      policy('x/block', {
        podSelector: { matchLabels: { app: 'client' } },
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.1.0/30' } }] }],
      }),
    ),
  ],
  ['replacing a policy with an invalid version', upsert(policy('x/web-in', { ingress: [{ from: [{}] }] }))],
  ['deleting a policy', remove(webIn)],
  ['upserting a Deployment without pods', upsert(workload('Deployment', 'x/api', { app: 'web' }))],
  ['deleting the only pod of a Deployment', remove(webPod)],
  [
    'deleting the ReplicaSet between a pod and its Deployment',
    remove(workload('ReplicaSet', 'x/web-7f', {})),
  ],
  ['deleting a Deployment', remove(workload('Deployment', 'x/web', {}))],
  [
    'upserting a pod whose ReplicaSet is not known yet',
    upsert(pod('x/api-5c-a', '10.0.0.9', { app: 'web' }, { kind: 'ReplicaSet', name: 'api-5c' })),
  ],
  [
    'upserting that ReplicaSet',
    upsert(workload('ReplicaSet', 'x/api-5c', { app: 'web' }, { kind: 'Deployment', name: 'api' })),
  ],
  ['upserting its Deployment', upsert(workload('Deployment', 'x/api', { app: 'web' }))],
];

function keyOf(object: KubeObject): string {
  return `${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/** The objects after a change, as a source would list them afresh. */
function applyToObjects(objects: Map<string, KubeObject>, change: ObjectChange): void {
  if (change.type === 'delete') objects.delete(keyOf(change.object));
  else objects.set(keyOf(change.object), change.object);
}

/** Everything queries show, to compare two evaluations. */
function snapshot(evaluation: Evaluation) {
  return {
    matrices: [evaluation.matrix(8080, 'TCP'), evaluation.matrix(80, 'TCP'), evaluation.matrix(53, 'UDP')],
    flows: evaluation.flows(),
    invalid: [...evaluation.state.invalid.keys()].sort(),
  };
}

describe('incremental evaluation', () => {
  it.each(steps)('%s gives what a fresh evaluation gives', (_, change) => {
    const objects = new Map(base().map((o) => [keyOf(o), o]));
    const evaluation = evaluateCluster([...objects.values()]);
    const before = snapshot(evaluation);
    evaluation.apply(change);
    applyToObjects(objects, change);
    const fresh = snapshot(evaluateCluster([...objects.values()]));
    expect(snapshot(evaluation)).toEqual(fresh);
    // The step changes something, so the comparison is not between two unchanged states.
    expect(fresh).not.toEqual(before);
  });

  it('every step in sequence gives, after each step, what a fresh evaluation gives', () => {
    const objects = new Map(base().map((o) => [keyOf(o), o]));
    const evaluation = evaluateCluster([...objects.values()]);
    for (const [name, change] of steps) {
      evaluation.apply(change);
      applyToObjects(objects, change);
      expect(snapshot(evaluation), name).toEqual(snapshot(evaluateCluster([...objects.values()])));
    }
  });

  it('upserting an object unchanged changes nothing', () => {
    const evaluation = evaluateCluster(base());
    const before = snapshot(evaluation);
    for (const object of base()) evaluation.apply(upsert(object));
    expect(snapshot(evaluation)).toEqual(before);
  });
});

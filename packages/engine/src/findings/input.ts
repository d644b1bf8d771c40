import type { Finding, Service } from '@netmap/model';
import { parseIp } from '../cidr.ts';
import type { ClusterState } from '../cluster-state.ts';
import { isNotObject, listOf } from '../input-shape.ts';
import { finding, workloadObject } from './finding-text.ts';

/** Objects the API server would reject: they were not evaluated. */
export function invalidObjectFindings(state: ClusterState): Finding[] {
  return [...state.invalid.values()].map((invalid) =>
    finding({
      id: `invalid-object:${invalid.kind}:${invalid.ref}`,
      severity: 'high',
      category: 'invalid',
      objects: [`${invalid.kind} ${invalid.ref}`],
      message: `${invalid.kind} ${invalid.ref} would be rejected by the API server and was not evaluated: ${invalid.error}`,
      fix: 'Correct the object; until then it protects nothing.',
    }),
  );
}

/** Parts of pods, pod templates and Services that the engine could not read and left out. */
export function unreadableFieldFindings(state: ClusterState): Finding[] {
  const findings: Finding[] = [];
  const report = (object: string, problem: string) =>
    findings.push(
      finding({
        id: `unreadable-field:${object.replace(' ', ':')}:${problem}`,
        severity: 'low',
        category: 'invalid',
        objects: [object],
        message: `${object}: ${problem}; ignored`,
      }),
    );
  for (const pod of [...state.pods.values(), ...state.representatives.values()]) {
    const object = pod.representative ? workloadObject(pod.ref) : `Pod ${pod.ref}`;
    for (const problem of pod.problems) report(object, problem);
  }
  for (const object of state.stored.values()) {
    if (object.kind !== 'Service') continue;
    const problems = serviceProblemsOf(object as Service);
    if (problems.length === 0) continue;
    const name = `Service ${object.metadata?.namespace || 'default'}/${object.metadata?.name ?? ''}`;
    for (const problem of problems) report(name, problem);
  }
  return findings;
}

/** Problems by Service object: an object is replaced, not changed, when its Service changes. */
const problemsOfService = new WeakMap<Service, string[]>();

function serviceProblemsOf(service: Service): string[] {
  let problems = problemsOfService.get(service);
  if (!problems) problemsOfService.set(service, (problems = serviceProblems(service)));
  return problems;
}

const PROTOCOLS: readonly unknown[] = ['TCP', 'UDP', 'SCTP'];

/** What `readService` drops: ports without a number or with an unknown protocol, bad selector values and externalIPs. */
function serviceProblems(service: Service): string[] {
  const spec = service.spec ?? {};
  const problems: string[] = [];
  listOf<Record<string, unknown> | null>(spec.ports).forEach((port, i) => {
    if (typeof port?.port !== 'number')
      problems.push(`ports[${i}]: port ${String(port?.port)} is not a number`);
    else if (!PROTOCOLS.includes(port.protocol ?? 'TCP'))
      problems.push(`ports[${i}]: protocol "${String(port.protocol)}" is not TCP, UDP or SCTP`);
  });
  if (isNotObject(spec.selector)) problems.push('selector is not a map of labels');
  else
    for (const [key, value] of Object.entries(spec.selector ?? {}))
      if (typeof value !== 'string') problems.push(`selector["${key}"] is not a string`);
  for (const ip of listOf<unknown>(spec.externalIPs))
    if (typeof ip !== 'string' || !parseIp(ip))
      problems.push(`externalIPs: "${String(ip)}" is not an IP address`);
  return problems;
}

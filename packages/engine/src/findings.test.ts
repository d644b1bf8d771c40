import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { evaluateCluster } from './evaluation.ts';
import { collectFindings } from './findings.ts';

const pod = (name: string, ports: unknown[]): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'x', labels: { app: name } },
  spec: { containers: [{ name: 'main', ports }] } as never,
  status: { phase: 'Running', podIP: `10.0.0.${name.length}` },
});

const policy = (name: string, spec: unknown): KubeObject => ({
  kind: 'NetworkPolicy',
  metadata: { name, namespace: 'x' },
  spec,
});

describe('input findings', () => {
  it('reports a policy the API server would reject, and still evaluates the rest', () => {
    const evaluation = evaluateCluster([
      pod('web', [{ name: 'http', containerPort: 80 }]),
      policy('bad', { podSelector: { matchExpressions: [{ key: 'app', operator: 'Has' }] } }),
      policy('deny', { podSelector: {}, ingress: [] }),
    ]);
    const invalid = evaluation.findings().filter((finding) => finding.id.startsWith('invalid-object:'));
    expect(invalid).toEqual([
      expect.objectContaining({
        id: 'invalid-object:NetworkPolicy:x/bad',
        severity: 'high',
        objects: ['NetworkPolicy x/bad'],
      }),
    ]);
    expect(invalid[0]!.message).toContain('operator "Has"');
    const [podClass] = [...evaluation.state.classes.all()];
    expect(podClass!.ingressPolicies.map((p) => p.ref)).toEqual(['x/deny']);
  });

  it('reports a container port with an unknown protocol and ignores only that port', () => {
    const evaluation = evaluateCluster([
      pod('dns', [
        { name: 'dns', containerPort: 53, protocol: 'ICMP' },
        { name: 'http', containerPort: 80 },
      ]),
    ]);
    const unreadable = evaluation.findings().filter((finding) => finding.id.startsWith('unreadable-field:'));
    expect(unreadable.map((f) => f.message)).toEqual([
      'Pod x/dns: container main: port 53: protocol "ICMP" is not TCP, UDP or SCTP; ignored',
    ]);
    expect(evaluation.state.pods.get('x/dns')!.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
  });

  it('reports a named port that no selected pod defines, and not one that some pod defines', () => {
    const evaluation = evaluateCluster([
      pod('web', [{ name: 'http', containerPort: 80 }]),
      policy('web', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ ports: [{ port: 'http' }, { port: 'https' }, { port: 'http', protocol: 'UDP' }] }],
      }),
    ]);
    const ids = evaluation.findings().map((f) => f.id);
    expect(ids.filter((id) => id.startsWith('unmatched-named-port:'))).toEqual([
      'unmatched-named-port:x/web:ingress[0].ports[1]',
      'unmatched-named-port:x/web:ingress[0].ports[2]',
    ]);
  });

  it('are what the evaluation reports, with its default options', () => {
    const objects = [
      pod('web', [{ name: 'http', containerPort: 80 }]),
      policy('web', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ ports: [{ port: 'https' }] }],
      }),
    ];
    const evaluation = evaluateCluster(objects);
    expect(evaluation.findings()).toEqual(collectFindings(evaluation.state));
    expect(evaluation.findings().map((f) => f.id)).toEqual([
      'no-default-deny:egress:x',
      'no-default-deny:ingress:x',
      'unmatched-named-port:x/web:ingress[0].ports[0]',
      'unprotected:egress:x/web[Pod]',
    ]);
  });
});

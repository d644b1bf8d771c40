// NetworkPolicy semantics of ipBlock peers and of ports, each checked on a tiny cluster.
import type {
  ContainerPort,
  KubeObject,
  NetworkPolicy,
  NetworkPolicySpec,
  Pod,
  Protocol,
  Verdict,
} from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { policy } from './test-support/objects.ts';
import { evaluateCluster, type EngineOptions, type Evaluation } from './evaluation.ts';

/** A running pod; `ips` empty writes it with no status at all, as a manifest not yet applied. */
function pod(
  ref: string,
  ips: string[],
  labels: Record<string, string> = {},
  ports: ContainerPort[] = [],
): Pod {
  const [namespace, name] = ref.split('/');
  const status =
    ips.length === 0 ? undefined : { phase: 'Running', podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) };
  return {
    kind: 'Pod',
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: 'c', ports }] },
    status,
  };
}

function verdict(
  evaluation: Evaluation,
  from: string,
  to: string,
  port = 80,
  protocol: Protocol = 'TCP',
): Verdict {
  return evaluation.can({ kind: 'pod', ref: from }, { kind: 'pod', ref: to }, port, protocol).verdict;
}

const server = (): Pod => pod('x/server', ['10.0.0.1'], { app: 'server' });
const ingressFromIpBlock = (cidr: string, except?: string[]) =>
  policy('x/from-block', {
    podSelector: { matchLabels: { app: 'server' } },
    ingress: [{ from: [{ ipBlock: { cidr, except } }] }],
  });

/** Verdicts into x/server from clients named by their IP. */
function verdictsByIp(
  ips: string[],
  allow: NetworkPolicy,
  options: EngineOptions = {},
): Record<string, Verdict> {
  const clients = ips.map((ip, i) => pod(`y/client-${i}`, [ip]));
  const evaluation = evaluateCluster([server(), ...clients, allow], options);
  return Object.fromEntries(ips.map((ip, i) => [ip, verdict(evaluation, `y/client-${i}`, 'x/server')]));
}

describe('ipBlock', () => {
  it('selects pod IPs inside cidr and outside every except', () => {
    const allow = ingressFromIpBlock('10.1.0.0/16', ['10.1.2.0/24']);
    expect(verdictsByIp(['10.1.0.5', '10.1.2.3', '10.1.3.0', '10.2.0.5'], allow)).toEqual({
      '10.1.0.5': 'allowed',
      '10.1.2.3': 'denied',
      '10.1.3.0': 'allowed',
      '10.2.0.5': 'denied',
    });
  });

  it('selects IPv6 pod IPs, never across families', () => {
    expect(verdictsByIp(['fd00::5', 'fd01::5', '10.1.0.5'], ingressFromIpBlock('fd00::/64'))).toEqual({
      'fd00::5': 'allowed',
      'fd01::5': 'denied',
      '10.1.0.5': 'denied',
    });
    expect(verdictsByIp(['fd00::5'], ingressFromIpBlock('0.0.0.0/0'))).toEqual({ 'fd00::5': 'denied' });
  });

  it('selects a dual-stack pod by either of its IPs', () => {
    const evaluation = evaluateCluster([
      server(),
      pod('y/dual', ['10.9.0.1', 'fd00::9']),
      ingressFromIpBlock('fd00::/64'),
    ]);
    expect(verdict(evaluation, 'y/dual', 'x/server')).toBe('allowed');
  });

  it('reads a cidr with host bits set as its network', () => {
    expect(verdictsByIp(['10.1.0.5', '10.1.255.255', '10.2.0.5'], ingressFromIpBlock('10.1.9.9/16'))).toEqual(
      {
        '10.1.0.5': 'allowed',
        '10.1.255.255': 'allowed',
        '10.2.0.5': 'denied',
      },
    );
  });

  it('with ipBlockMatchesPods: false never selects a pod, but still selects addresses outside the cluster', () => {
    const options = { ipBlockMatchesPods: false };
    expect(verdictsByIp(['10.1.0.5'], ingressFromIpBlock('10.1.0.0/16'), options)).toEqual({
      '10.1.0.5': 'denied',
    });
    const evaluation = evaluateCluster([server(), ingressFromIpBlock('10.1.0.0/16')], options);
    expect(
      evaluation.can({ kind: 'ip', ip: '10.1.7.7' }, { kind: 'pod', ref: 'x/server' }, 80, 'TCP').verdict,
    ).toBe('allowed');
    expect(
      evaluation.can({ kind: 'ip', ip: '10.2.7.7' }, { kind: 'pod', ref: 'x/server' }, 80, 'TCP').verdict,
    ).toBe('denied');
  });

  it('egress ipBlock selects destination pods and outside addresses', () => {
    const client = pod('y/client', ['10.9.0.1'], { app: 'client' });
    const allow = policy('y/to-block', {
      podSelector: { matchLabels: { app: 'client' } },
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }],
    });
    const evaluation = evaluateCluster([server(), client, pod('y/other', ['10.9.0.2']), allow]);
    expect(verdict(evaluation, 'y/client', 'x/server')).toBe('allowed');
    expect(verdict(evaluation, 'y/client', 'y/other')).toBe('denied');
    expect(
      evaluation.can({ kind: 'pod', ref: 'y/client' }, { kind: 'ip', ip: '8.8.8.8' }, 53, 'UDP').verdict,
    ).toBe('denied');
  });

  describe('a pod without IP (no status) under an ipBlock rule', () => {
    const objects = (): KubeObject[] => [server(), pod('y/new', []), ingressFromIpBlock('10.1.0.0/16')];

    it('is unknown, neither allowed nor denied, when ipBlocks match pods', () => {
      const evaluation = evaluateCluster(objects(), { ipBlockMatchesPods: true });
      expect(verdict(evaluation, 'y/new', 'x/server')).toBe('unknown');
      const matrix = evaluation.matrix(80, 'TCP');
      expect(matrix.unknown?.['y/new']).toEqual(['x/server']);
      expect(matrix.allowed['y/new']).toEqual(['y/new']);
    });

    it('notes, in the explanation, that the verdict rests on ipBlocks matching pods', () => {
      const check = evaluateCluster(objects()).can(
        { kind: 'pod', ref: 'y/new' },
        { kind: 'pod', ref: 'x/server' },
        80,
        'TCP',
      );
      expect(check.connections[0]?.notes).toEqual([expect.stringMatching(/ipBlock matching a pod IP/)]);
      expect(check.connections[0]?.ingress.tiers[0]?.policies[0]?.rules[0]).toMatchObject({
        result: 'unknown',
        peer: 0,
      });
    });

    it('is denied when ipBlocks do not match pods', () => {
      expect(verdict(evaluateCluster(objects(), { ipBlockMatchesPods: false }), 'y/new', 'x/server')).toBe(
        'denied',
      );
    });
  });
});

describe('ports', () => {
  const serverPorts: ContainerPort[] = [
    { name: 'http', containerPort: 8080 },
    { name: 'dns', containerPort: 5353, protocol: 'UDP' },
  ];
  const cluster = (...objects: KubeObject[]): Evaluation =>
    evaluateCluster([
      pod('x/server', ['10.0.0.1'], { role: 'server' }, serverPorts),
      pod('x/other', ['10.0.0.2'], { role: 'server' }, [{ name: 'http', containerPort: 9000 }]),
      pod('x/client', ['10.0.0.3'], { role: 'client' }, [{ name: 'http', containerPort: 7070 }]),
      ...objects,
    ]);
  const ingressOn = (ports: NonNullable<NetworkPolicySpec['ingress']>[number]['ports']) =>
    policy('x/ports', { podSelector: { matchLabels: { role: 'server' } }, ingress: [{ ports }] });
  const into = (evaluation: Evaluation, to: string, port: number, protocol: Protocol = 'TCP') =>
    verdict(evaluation, 'x/client', to, port, protocol);

  it.each<[string, NetworkPolicy, number, Protocol, Verdict]>([
    ['a port number admits that port', ingressOn([{ port: 80 }]), 80, 'TCP', 'allowed'],
    ['a port number admits no other port', ingressOn([{ port: 80 }]), 81, 'TCP', 'denied'],
    ['a port number defaults to TCP', ingressOn([{ port: 80 }]), 80, 'UDP', 'denied'],
    ['a UDP port admits UDP', ingressOn([{ protocol: 'UDP', port: 53 }]), 53, 'UDP', 'allowed'],
    ['a UDP port does not admit TCP', ingressOn([{ protocol: 'UDP', port: 53 }]), 53, 'TCP', 'denied'],
    ['an SCTP port admits SCTP', ingressOn([{ protocol: 'SCTP', port: 80 }]), 80, 'SCTP', 'allowed'],
    ['an SCTP port does not admit TCP', ingressOn([{ protocol: 'SCTP', port: 80 }]), 80, 'TCP', 'denied'],
    ['endPort admits the first port', ingressOn([{ port: 8000, endPort: 8080 }]), 8000, 'TCP', 'allowed'],
    ['endPort admits the last port', ingressOn([{ port: 8000, endPort: 8080 }]), 8080, 'TCP', 'allowed'],
    ['endPort admits nothing below port', ingressOn([{ port: 8000, endPort: 8080 }]), 7999, 'TCP', 'denied'],
    [
      'endPort admits nothing above itself',
      ingressOn([{ port: 8000, endPort: 8080 }]),
      8081,
      'TCP',
      'denied',
    ],
    ['{} admits every TCP port, the lowest', ingressOn([{}]), 1, 'TCP', 'allowed'],
    ['{} admits every TCP port, the highest', ingressOn([{}]), 65535, 'TCP', 'allowed'],
    ['{} admits no UDP port', ingressOn([{}]), 53, 'UDP', 'denied'],
    ['a protocol alone admits all its ports', ingressOn([{ protocol: 'UDP' }]), 9999, 'UDP', 'allowed'],
    [
      'several entries admit any of them',
      ingressOn([{ port: 80 }, { protocol: 'UDP', port: 53 }]),
      53,
      'UDP',
      'allowed',
    ],
  ])('%s', (_, allow, port, protocol, expected) => {
    expect(into(cluster(allow), 'x/server', port, protocol)).toBe(expected);
  });

  it('a named port in ingress resolves against each destination pod’s containerPorts', () => {
    const evaluation = cluster(ingressOn([{ port: 'http' }]));
    expect([into(evaluation, 'x/server', 8080), into(evaluation, 'x/server', 9000)]).toEqual([
      'allowed',
      'denied',
    ]);
    expect([into(evaluation, 'x/other', 9000), into(evaluation, 'x/other', 8080)]).toEqual([
      'allowed',
      'denied',
    ]);
  });

  it('a named port in egress resolves against the destination pod, not the source', () => {
    const evaluation = cluster(
      policy('x/egress', {
        podSelector: { matchLabels: { role: 'client' } },
        egress: [{ ports: [{ port: 'http' }] }],
      }),
    );
    expect([into(evaluation, 'x/server', 8080), into(evaluation, 'x/other', 9000)]).toEqual([
      'allowed',
      'allowed',
    ]);
    expect([into(evaluation, 'x/server', 9000), into(evaluation, 'x/server', 7070)]).toEqual([
      'denied',
      'denied',
    ]);
  });

  it('a named port in egress to an address outside the cluster admits nothing', () => {
    const evaluation = cluster(
      policy('x/egress', {
        podSelector: { matchLabels: { role: 'client' } },
        egress: [{ ports: [{ port: 'http' }] }],
      }),
    );
    expect(
      evaluation.can({ kind: 'pod', ref: 'x/client' }, { kind: 'ip', ip: '1.2.3.4' }, 8080, 'TCP').verdict,
    ).toBe('denied');
  });

  it.each<[string, NetworkPolicy, number, Protocol, Verdict]>([
    [
      'a named port with its protocol admits the named container port',
      ingressOn([{ port: 'dns', protocol: 'UDP' }]),
      5353,
      'UDP',
      'allowed',
    ],
    [
      'a named port with its protocol admits no other protocol',
      ingressOn([{ port: 'dns', protocol: 'UDP' }]),
      5353,
      'TCP',
      'denied',
    ],
    [
      'a named port defaults to TCP, so a UDP container port does not match',
      ingressOn([{ port: 'dns' }]),
      5353,
      'UDP',
      'denied',
    ],
    [
      'a named port the destination does not define admits nothing',
      ingressOn([{ port: 'metrics' }]),
      9090,
      'TCP',
      'denied',
    ],
  ])('%s', (_, allow, port, protocol, expected) => {
    expect(into(cluster(allow), 'x/server', port, protocol)).toBe(expected);
  });

  it('flows list the resolved numbers of named ports', () => {
    const { flows } = cluster(ingressOn([{ port: 'http' }, { port: 'dns', protocol: 'UDP' }])).flows();
    expect(flows.filter((f) => f.from === 'x/client[Pod]' && !f.to.endsWith('[External]'))).toEqual([
      { from: 'x/client[Pod]', to: 'x/other[Pod]', ports: ['TCP 9000'] },
      { from: 'x/client[Pod]', to: 'x/server[Pod]', ports: ['TCP 8080', 'UDP 5353'] },
    ]);
  });
});

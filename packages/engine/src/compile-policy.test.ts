import type { NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy, type CompiledRule } from './compile-policy.ts';

function compile(spec: NetworkPolicySpec): CompiledPolicy {
  const compiled = compilePolicy({ kind: 'NetworkPolicy', metadata: { name: 'p' }, spec }, 'x');
  if (compiled.error !== undefined) throw new Error(compiled.error);
  return compiled.policy;
}

function errorOf(spec: NetworkPolicySpec): string | undefined {
  return compilePolicy({ kind: 'NetworkPolicy', metadata: { name: 'p' }, spec }, 'x').error;
}

/** The directions a policy isolates, as the defaulted policyTypes. */
function directions(policy: CompiledPolicy): string[] {
  return [...(policy.ingress ? ['Ingress'] : []), ...(policy.egress ? ['Egress'] : [])];
}

function onlyIngressRule(spec: NetworkPolicySpec): CompiledRule {
  const rule = compile(spec).ingress?.[0];
  if (!rule) throw new Error('no ingress rule');
  return rule;
}

const ingressPorts = (ports: NetworkPolicyPort[]) => onlyIngressRule({ ingress: [{ ports }] }).ports;
const ingressPeers = (from: NetworkPolicyPeer[]) => onlyIngressRule({ ingress: [{ from }] }).peers;

describe('policyTypes defaulting (SetDefaults_NetworkPolicySpec)', () => {
  it.each<[string, NetworkPolicySpec, string[]]>([
    ['absent, no rules: [Ingress]', {}, ['Ingress']],
    ['absent, ingress rules: [Ingress]', { ingress: [{}] }, ['Ingress']],
    ['absent, one egress rule: [Ingress, Egress]', { egress: [{}] }, ['Ingress', 'Egress']],
    ['absent, `egress: []` alone: [Ingress]', { egress: [] }, ['Ingress']],
    ['empty list: defaulted as if absent', { policyTypes: [], egress: [{}] }, ['Ingress', 'Egress']],
    ['explicit [Egress] without rules: [Egress]', { policyTypes: ['Egress'] }, ['Egress']],
    [
      'explicit [Ingress, Egress] without rules: both',
      { policyTypes: ['Ingress', 'Egress'] },
      ['Ingress', 'Egress'],
    ],
  ])('%s', (_, spec, expected) => {
    expect(directions(compile(spec))).toEqual(expected);
  });

  it('explicit [Egress] ignores ingress rules', () => {
    const policy = compile({ policyTypes: ['Egress'], ingress: [{}], egress: [{}] });
    expect(policy.ingress).toBeUndefined();
    expect(policy.egress).toHaveLength(1);
  });

  it('explicit [Ingress] ignores egress rules', () => {
    const policy = compile({ policyTypes: ['Ingress'], egress: [{}, {}] });
    expect(policy.egress).toBeUndefined();
    expect(policy.ingress).toEqual([]);
  });

  it('rejects a policyType other than Ingress or Egress', () => {
    expect(errorOf({ policyTypes: ['ingress'] })).toMatch(/policyTypes: "ingress"/);
  });
});

describe('rules', () => {
  it('`ingress: []` isolates and allows nothing: no rule', () => {
    expect(compile({ ingress: [] }).ingress).toEqual([]);
  });

  it('`ingress: [{}]` allows everything: one rule with neither peers nor ports', () => {
    expect(compile({ ingress: [{}] }).ingress).toEqual([{ index: 0 }]);
  });

  it.each<[string, NetworkPolicyPeer[] | null | undefined]>([
    ['absent', undefined],
    ['null', null],
    ['empty', []],
  ])('`from` %s means all peers', (_, from) => {
    expect(onlyIngressRule({ ingress: [from === undefined ? {} : { from }] }).peers).toBeUndefined();
  });

  it.each<[string, NetworkPolicyPort[] | null | undefined]>([
    ['absent', undefined],
    ['null', null],
    ['empty', []],
  ])('`ports` %s means all ports', (_, ports) => {
    expect(onlyIngressRule({ ingress: [ports === undefined ? {} : { ports }] }).ports).toBeUndefined();
  });

  it('keeps each rule, peer and port at its index', () => {
    const policy = compile({
      egress: [
        { to: [{ podSelector: {} }] },
        { to: [{ podSelector: {} }, { namespaceSelector: {} }], ports: [{ port: 1 }, { port: 2 }] },
      ],
    });
    const rule = policy.egress?.[1];
    expect(rule?.index).toBe(1);
    expect(rule?.peers?.map((p) => p.index)).toEqual([0, 1]);
    expect(rule?.ports?.map((p) => p.index)).toEqual([0, 1]);
  });
});

describe('peers', () => {
  it('a podSelector and a namespaceSelector in one peer stay together (AND)', () => {
    const [peer] =
      ingressPeers([{ podSelector: { matchLabels: { app: 'a' } }, namespaceSelector: {} }]) ?? [];
    expect(peer).toMatchObject({
      kind: 'selector',
      podSelector: { isEmpty: false },
      namespaceSelector: { isEmpty: true },
    });
  });

  it('an ipBlock keeps its cidr and except, host bits cleared', () => {
    const [peer] = ingressPeers([{ ipBlock: { cidr: '10.0.0.1/8', except: ['10.1.0.0/16'] } }]) ?? [];
    expect(peer?.kind === 'ipBlock' && [peer.cidr.text, ...peer.except.map((b) => b.text)]).toEqual([
      '10.0.0.0/8',
      '10.1.0.0/16',
    ]);
  });
});

describe('ports: protocol defaults to TCP', () => {
  it.each<[string, NetworkPolicyPort, object]>([
    ['a numeric port', { port: 80 }, { protocol: 'TCP', port: 80 }],
    ['a named port', { port: 'http' }, { protocol: 'TCP', port: 'http' }],
    ['an empty entry {}: every TCP port', {}, { protocol: 'TCP' }],
    ['a range', { port: 8000, endPort: 8080 }, { protocol: 'TCP', port: 8000, endPort: 8080 }],
    ['endPort equal to port', { port: 80, endPort: 80 }, { protocol: 'TCP', port: 80, endPort: 80 }],
    ['an explicit UDP', { protocol: 'UDP', port: 53 }, { protocol: 'UDP', port: 53 }],
    ['an explicit SCTP without port', { protocol: 'SCTP' }, { protocol: 'SCTP' }],
  ])('%s', (_, port, expected) => {
    expect(ingressPorts([port])).toEqual([{ index: 0, ...expected }]);
  });
});

describe('invalid policies, as the API server rejects them', () => {
  const peer = (from: NetworkPolicyPeer[]): NetworkPolicySpec => ({ ingress: [{ from }] });
  const port = (ports: NetworkPolicyPort[]): NetworkPolicySpec => ({ ingress: [{ ports }] });
  it.each<[string, NetworkPolicySpec, RegExp]>([
    ['an empty peer {}', peer([{}]), /from\[0\]: must specify a peer/],
    [
      'an empty egress peer {}',
      { egress: [{ to: [{ podSelector: {} }, {}] }] },
      /egress\[0\]\.to\[1\]: must specify a peer/,
    ],
    [
      'an ipBlock with a podSelector',
      peer([{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }]),
      /cannot be combined/,
    ],
    [
      'an ipBlock with a namespaceSelector',
      peer([{ ipBlock: { cidr: '10.0.0.0/8' }, namespaceSelector: {} }]),
      /cannot be combined/,
    ],
    ['an ipBlock without cidr', peer([{ ipBlock: {} }]), /ipBlock\.cidr is required/],
    ['a bad cidr', peer([{ ipBlock: { cidr: '10.0.0.0/33' } }]), /ipBlock\.cidr/],
    ['a bad except', peer([{ ipBlock: { cidr: '10.0.0.0/8', except: ['abc'] } }]), /except\[0\]/],
    [
      'an except outside the cidr',
      peer([{ ipBlock: { cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] } }]),
      /strict subset/,
    ],
    [
      'an except equal to the cidr',
      peer([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] } }]),
      /strict subset/,
    ],
    [
      'an except wider than the cidr',
      peer([{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/8'] } }]),
      /strict subset/,
    ],
    [
      'an except of the other family',
      peer([{ ipBlock: { cidr: '0.0.0.0/0', except: ['::/64'] } }]),
      /strict subset/,
    ],
    [
      'an invalid podSelector in a peer',
      peer([{ podSelector: { matchLabels: { '-a': 'b' } } }]),
      /from\[0\]\.podSelector/,
    ],
    [
      'an invalid spec.podSelector',
      { podSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } },
      /spec\.podSelector/,
    ],
    ['an unknown protocol', port([{ protocol: 'ICMP', port: 80 }]), /protocol: "ICMP"/],
    ['a lowercase protocol', port([{ protocol: 'tcp', port: 80 }]), /protocol: "tcp"/],
    ['port 0', port([{ port: 0 }]), /port: 0 is not a port number/],
    ['port 70000', port([{ port: 70000 }]), /port: 70000 is not a port number/],
    ['a fractional port', port([{ port: 80.5 }]), /not a port number/],
    ['a numeric-string port "80"', port([{ port: '80' }]), /"80" is not a valid port name/],
    ['a port name with uppercase', port([{ port: 'HTTP' }]), /not a valid port name/],
    ['a port name over 15 characters', port([{ port: 'a'.repeat(16) }]), /not a valid port name/],
    [
      'a port name with consecutive hyphens (IsValidPortName)',
      port([{ port: 'web--http' }]),
      /not a valid port name/,
    ],
    ['endPort without port', port([{ endPort: 90 }]), /endPort needs a numeric port/],
    ['endPort with a named port', port([{ port: 'http', endPort: 90 }]), /endPort needs a numeric port/],
    ['endPort below port', port([{ port: 90, endPort: 80 }]), /endPort: 80 must be between/],
    ['endPort above 65535', port([{ port: 90, endPort: 65536 }]), /endPort: 65536 must be between/],
  ])('rejects %s', (_, spec, message) => {
    expect(errorOf(spec)).toMatch(message);
  });

  it.each<[string, NetworkPolicySpec]>([
    [
      'an except strictly inside the cidr',
      { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/9'] } }] }] },
    ],
    [
      'an IPv6 ipBlock',
      { ingress: [{ from: [{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8::/64'] } }] }] },
    ],
    ['a 15-character port name', { ingress: [{ ports: [{ port: 'a'.repeat(15) }] }] }],
    ['a port name with digits and a dash', { ingress: [{ ports: [{ port: 'serve-80-tcp' }] }] }],
    ['port 65535', { ingress: [{ ports: [{ port: 65535 }] }] }],
  ])('accepts %s', (_, spec) => {
    expect(errorOf(spec)).toBeUndefined();
  });
});

import type {
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from '@netmap/model';
import { cidrWithin, parseCidr, type Cidr } from './cidr.ts';
import { isNotList, isNotObject } from './input-shape.ts';
import { compileSelector, type CompiledSelector } from './label-selector.ts';

/** A `from`/`to` entry: selectors (both in one peer means AND) or an ipBlock. */
export type CompiledPeer =
  | { kind: 'selector'; index: number; podSelector?: CompiledSelector; namespaceSelector?: CompiledSelector }
  | { kind: 'ipBlock'; index: number; cidr: Cidr; except: Cidr[] };

/** A `ports` entry with its protocol defaulted to TCP. */
export interface CompiledPort {
  index: number;
  protocol: Protocol;
  /** Absent: every port of the protocol. A string is a named port, resolved against the destination pod. */
  port?: number | string;
  endPort?: number;
}

/** One ingress or egress rule; `peers`/`ports` undefined when empty or absent (all peers, all ports). */
export interface CompiledRule {
  index: number;
  peers?: CompiledPeer[];
  ports?: CompiledPort[];
}

/** A validated NetworkPolicy with its defaults applied. */
export interface CompiledPolicy {
  /** `namespace/name`. */
  ref: string;
  namespace: string;
  name: string;
  podSelector: CompiledSelector;
  /** Rules per direction; undefined when policyTypes does not hold that direction (its rules are ignored). */
  ingress?: CompiledRule[];
  egress?: CompiledRule[];
  source: NetworkPolicy;
}

/** A compiled policy, or why the API server would reject it. */
export type PolicyCompilation = { policy: CompiledPolicy; error?: undefined } | { error: string };

const PROTOCOL_NAMES: readonly string[] = ['TCP', 'UDP', 'SCTP'];
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** Validates a NetworkPolicy and applies the API server's defaults. */
export function compilePolicy(policy: NetworkPolicy, namespace: string): PolicyCompilation {
  const name = policy.metadata?.name ?? '';
  const spec = policy.spec ?? {};
  try {
    if (isNotObject(spec)) throw new InvalidPolicy('spec must be an object');
    for (const field of ['policyTypes', 'ingress', 'egress'] as const) {
      if (isNotList(spec[field])) throw new InvalidPolicy(`spec.${field} must be a list`);
    }
    const podSelector = selectorOrThrow(spec.podSelector ?? {}, 'spec.podSelector');
    const { isIngress, isEgress } = policyTypesOf(spec.policyTypes, spec.egress);
    const compiled: CompiledPolicy = {
      ref: `${namespace}/${name}`,
      namespace,
      name,
      podSelector,
      source: policy,
    };
    if (isIngress)
      compiled.ingress = (spec.ingress ?? []).map((rule, i) =>
        compileRule(rule, rule?.from, rule?.ports, i, 'ingress', 'from'),
      );
    if (isEgress)
      compiled.egress = (spec.egress ?? []).map((rule, i) =>
        compileRule(rule, rule?.to, rule?.ports, i, 'egress', 'to'),
      );
    return { policy: compiled };
  } catch (error) {
    if (error instanceof InvalidPolicy) return { error: error.message };
    throw error;
  }
}

class InvalidPolicy extends Error {}

/**
 * policyTypes defaults to [Ingress], plus Egress when `egress` holds at least one rule
 * (SetDefaults_NetworkPolicySpec: `egress: []` alone does not add Egress).
 */
function policyTypesOf(policyTypes: string[] | undefined, egress: unknown[] | null | undefined) {
  if (!policyTypes || policyTypes.length === 0)
    return { isIngress: true, isEgress: (egress?.length ?? 0) > 0 };
  for (const type of policyTypes) {
    if (type !== 'Ingress' && type !== 'Egress')
      throw new InvalidPolicy(`policyTypes: "${type}" is not Ingress or Egress`);
  }
  return { isIngress: policyTypes.includes('Ingress'), isEgress: policyTypes.includes('Egress') };
}

function compileRule(
  ruleObject: unknown,
  peers: NetworkPolicyPeer[] | null | undefined,
  ports: NetworkPolicyPort[] | null | undefined,
  index: number,
  direction: string,
  peerField: string,
): CompiledRule {
  const where = `spec.${direction}[${index}]`;
  if (isNotObject(ruleObject)) throw new InvalidPolicy(`${where} must be an object`);
  if (isNotList(peers)) throw new InvalidPolicy(`${where}.${peerField} must be a list`);
  if (isNotList(ports)) throw new InvalidPolicy(`${where}.ports must be a list`);
  const rule: CompiledRule = { index };
  // An empty or missing from/to matches all peers; an empty or missing ports list matches all ports.
  if (peers && peers.length > 0)
    rule.peers = peers.map((peer, i) =>
      compilePeer(objectOrThrow(peer, `${where}.${peerField}[${i}]`), i, `${where}.${peerField}[${i}]`),
    );
  if (ports && ports.length > 0)
    rule.ports = ports.map((port, i) =>
      compilePort(objectOrThrow(port, `${where}.ports[${i}]`), i, `${where}.ports[${i}]`),
    );
  return rule;
}

function compilePeer(peer: NetworkPolicyPeer, index: number, where: string): CompiledPeer {
  const { podSelector, namespaceSelector, ipBlock } = peer;
  if (ipBlock) {
    if (podSelector || namespaceSelector)
      throw new InvalidPolicy(`${where}: ipBlock cannot be combined with selectors`);
    const cidr = cidrOrThrow(ipBlock.cidr, `${where}.ipBlock.cidr`);
    if (isNotList(ipBlock.except)) throw new InvalidPolicy(`${where}.ipBlock.except must be a list`);
    const except = (ipBlock.except ?? []).map((text, i) => {
      const block = cidrOrThrow(text, `${where}.ipBlock.except[${i}]`);
      // ValidateIPBlock: each except must be a strict subset of cidr.
      if (!cidrWithin(block, cidr) || block.last - block.first >= cidr.last - cidr.first) {
        throw new InvalidPolicy(
          `${where}.ipBlock.except[${i}]: ${text} is not a strict subset of ${ipBlock.cidr}`,
        );
      }
      return block;
    });
    return { kind: 'ipBlock', index, cidr, except };
  }
  if (!podSelector && !namespaceSelector) throw new InvalidPolicy(`${where}: must specify a peer`);
  const compiled: CompiledPeer = { kind: 'selector', index };
  if (podSelector) compiled.podSelector = selectorOrThrow(podSelector, `${where}.podSelector`);
  if (namespaceSelector)
    compiled.namespaceSelector = selectorOrThrow(namespaceSelector, `${where}.namespaceSelector`);
  return compiled;
}

function compilePort(port: NetworkPolicyPort, index: number, where: string): CompiledPort {
  const protocol = port.protocol ?? 'TCP';
  if (!PROTOCOL_NAMES.includes(protocol))
    throw new InvalidPolicy(`${where}.protocol: "${protocol}" is not TCP, UDP or SCTP`);
  const compiled: CompiledPort = { index, protocol: protocol as Protocol };
  if (port.port !== undefined && port.port !== null) {
    if (typeof port.port === 'number') {
      if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) {
        throw new InvalidPolicy(`${where}.port: ${port.port} is not a port number (1-65535)`);
      }
    } else if (typeof port.port !== 'string' || !PORT_NAME.test(port.port) || port.port.includes('--')) {
      throw new InvalidPolicy(`${where}.port: "${String(port.port)}" is not a valid port name`);
    }
    compiled.port = port.port;
  }
  if (port.endPort !== undefined && port.endPort !== null) {
    if (typeof compiled.port !== 'number') throw new InvalidPolicy(`${where}.endPort needs a numeric port`);
    if (!Number.isInteger(port.endPort) || port.endPort < compiled.port || port.endPort > 65535) {
      throw new InvalidPolicy(`${where}.endPort: ${port.endPort} must be between port and 65535`);
    }
    compiled.endPort = port.endPort;
  }
  return compiled;
}

function selectorOrThrow(selector: LabelSelector, where: string): CompiledSelector {
  const compiled = compileSelector(selector);
  if (compiled.error !== undefined) throw new InvalidPolicy(`${where}: ${compiled.error}`);
  return compiled.selector;
}

function cidrOrThrow(text: unknown, where: string): Cidr {
  if (typeof text !== 'string') throw new InvalidPolicy(`${where} is required`);
  const cidr = parseCidr(text);
  if ('error' in cidr) throw new InvalidPolicy(`${where}: ${cidr.error}`);
  return cidr;
}

function objectOrThrow<T>(value: T | null | undefined, where: string): T {
  if (value === null || value === undefined || isNotObject(value))
    throw new InvalidPolicy(`${where} must be an object`);
  return value;
}

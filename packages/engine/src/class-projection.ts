import type { Cidr } from './cidr.ts';
import type { CompiledPolicy } from './compile-policy.ts';
import { IpAtoms } from './ip-atoms.ts';
import { labelValue } from './label-selector.ts';
import type { PodFacts } from './pod-facts.ts';

/**
 * What can tell two pods apart for NetworkPolicy: their namespace, the labels that some pod
 * selector looks at (a StatefulSet's per-pod labels usually are not), their container ports,
 * hostNetwork, and the ipBlock atoms their IPs fall in. It only grows as policies arrive, so that a
 * change never has to merge classes back; a finer grouping than needed is still exact.
 */
export class ClassProjection {
  private readonly labelKeys = new Set<string>();
  private sortedLabelKeys: string[] = [];
  private readonly blocks = new Map<string, Cidr>();
  private atoms = new IpAtoms([]);

  /** Takes in what a policy's selectors and ipBlocks look at; true when that changes the grouping. */
  include(policy: CompiledPolicy): boolean {
    let changed = false;
    const addKey = (key: string) => {
      if (this.labelKeys.has(key)) return;
      this.labelKeys.add(key);
      this.sortedLabelKeys = [...this.labelKeys].sort();
      changed = true;
    };
    let newBlocks = false;
    for (const requirement of policy.podSelector.requirements) addKey(requirement.key);
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind === 'selector')
          for (const requirement of peer.podSelector?.requirements ?? []) addKey(requirement.key);
        else
          for (const block of [peer.cidr, ...peer.except]) {
            if (this.blocks.has(block.text)) continue;
            this.blocks.set(block.text, block);
            newBlocks = true;
          }
      }
    }
    if (newBlocks) this.atoms = new IpAtoms([...this.blocks.values()]);
    return changed || newBlocks;
  }

  /** The class key of a pod. */
  keyOf(pod: PodFacts): string {
    let labels = '';
    for (const key of this.sortedLabelKeys) {
      const value = labelValue(pod.labels, key);
      if (value !== undefined) labels += `${key}=${value},`;
    }
    let ports = '';
    for (const p of pod.ports) ports += `${p.name ?? ''}:${p.port}/${p.protocol},`;
    let atoms = '';
    for (const ip of pod.ips) atoms += `${this.atoms.atomOf(ip)},`;
    return `${pod.namespace}\u0000${labels}\u0000${ports}\u0000${atoms || 'no-ip'}\u0000${pod.hostNetwork}`;
  }
}

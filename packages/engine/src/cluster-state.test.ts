import { describe, expect, it } from 'vitest';
import { ClusterState } from './cluster-state.ts';
import { policy } from './test-support/objects.ts';

const fromOutside = (cidr: string) =>
  policy('shop/outside', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr } }] }] });

describe('the ipBlock peers of the policies', () => {
  it('follow policy changes, though they are read once per revision', () => {
    const state = new ClusterState([fromOutside('10.0.0.0/8')]);
    expect(state.ipBlockPeers('ingress').map((peer) => peer.cidr.text)).toEqual(['10.0.0.0/8']);
    expect(state.ipBlockPeers('egress')).toEqual([]);
    state.apply({ type: 'upsert', object: fromOutside('192.168.0.0/16') });
    expect(state.ipBlockPeers('ingress').map((peer) => peer.cidr.text)).toEqual(['192.168.0.0/16']);
    expect(state.ipBlockPeers().map((peer) => peer.cidr.text)).toEqual(['192.168.0.0/16']);
    state.apply({ type: 'delete', object: fromOutside('192.168.0.0/16') });
    expect(state.ipBlockPeers('ingress')).toEqual([]);
  });

  it('are handed out as a copy', () => {
    const state = new ClusterState([fromOutside('10.0.0.0/8')]);
    state.ipBlockPeers('ingress').pop();
    expect(state.ipBlockPeers('ingress')).toHaveLength(1);
  });
});

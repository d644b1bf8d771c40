import { describe, expect, it } from 'vitest';
import type { KubeObject, NetworkPolicy } from '@netmap/model';
import { QueryError } from './endpoints.ts';
import { evaluateDraft } from './evaluate-draft.ts';
import { evaluateCluster } from './evaluation.ts';
import { CLIENT_TO_WEB, DENY_INGRESS, SHOP } from './test-support/what-if-cluster.ts';

const canClientReachWeb = (evaluation: ReturnType<typeof evaluateCluster>) =>
  evaluation.can({ kind: 'pod', ref: 'shop/client' }, { kind: 'pod', ref: 'shop/web' }, 8080, 'TCP').verdict;

describe('a draft of policy changes', () => {
  it('is evaluated over the base objects with its policies applied, the base left as it was', () => {
    const base = evaluateCluster(SHOP);
    const flowsBefore = base.flows();
    const draft = evaluateDraft(base, { apply: [DENY_INGRESS], delete: [] });
    expect(canClientReachWeb(draft)).toBe('denied');
    expect(canClientReachWeb(base)).toBe('allowed');
    expect(base.flows()).toEqual(flowsBefore);
    expect(base.state.policies.size).toBe(0);
  });

  it('deletes policies by namespace/name, invalid ones too', () => {
    const broken = {
      ...DENY_INGRESS,
      metadata: { namespace: 'shop', name: 'broken' },
      spec: { policyTypes: ['Up'] },
    };
    const base = evaluateCluster([...SHOP, DENY_INGRESS, broken as NetworkPolicy]);
    const draft = evaluateDraft(base, { apply: [], delete: ['shop/deny-ingress', 'shop/broken'] });
    expect(canClientReachWeb(draft)).toBe('allowed');
    expect(draft.state.invalid.size).toBe(0);
    expect(base.state.invalid.size).toBe(1);
  });

  it('replaces a policy of the same namespace/name', () => {
    const base = evaluateCluster([...SHOP, DENY_INGRESS]);
    const opened = { ...DENY_INGRESS, spec: { ...DENY_INGRESS.spec, ingress: [{}] } };
    expect(canClientReachWeb(evaluateDraft(base, { apply: [opened], delete: [] }))).toBe('allowed');
  });

  it('keeps the base options', () => {
    const base = evaluateCluster(SHOP, { ipBlockMatchesPods: false });
    expect(evaluateDraft(base, { apply: [CLIENT_TO_WEB], delete: [] }).options).toEqual({
      ipBlockMatchesPods: false,
    });
  });

  it('keeps what the base could not read unknown', () => {
    const base = evaluateCluster([...SHOP, DENY_INGRESS]);
    base.setVisibility({ policies: [], namespaceLabels: false });
    const draft = evaluateDraft(base, { apply: [CLIENT_TO_WEB], delete: [] });
    expect(canClientReachWeb(base)).toBe('unknown');
    expect(canClientReachWeb(draft)).toBe('unknown');
    expect(draft.state.namespaces.readable).toEqual(base.state.namespaces.readable);
  });

  it('takes a policy without a namespace as one of namespace default', () => {
    const base = evaluateCluster(SHOP);
    const withoutNamespace = { ...CLIENT_TO_WEB, metadata: { name: 'x' } };
    const draft = evaluateDraft(base, { apply: [withoutNamespace], delete: [] });
    expect([...draft.state.policies.keys()]).toEqual(['default/x']);
  });

  it.each<[string, { apply: KubeObject[]; delete: string[] }, RegExp]>([
    [
      'a policy that is not there',
      { apply: [], delete: ['shop/nothing'] },
      /no NetworkPolicy shop\/nothing to delete/,
    ],
    ['another kind', { apply: [SHOP[1]!], delete: [] }, /draft item 0 is a Pod, not a NetworkPolicy/],
    [
      'a policy without a name',
      { apply: [{ kind: 'NetworkPolicy', metadata: {} }], delete: [] },
      /no metadata.name/,
    ],
    ['a policy twice', { apply: [CLIENT_TO_WEB, CLIENT_TO_WEB], delete: [] }, /in the draft twice/],
    [
      'one policy applied and deleted',
      { apply: [DENY_INGRESS], delete: ['shop/deny-ingress'] },
      /both applied and deleted/,
    ],
  ])('refuses %s', (_, draft, message) => {
    const base = evaluateCluster([...SHOP, DENY_INGRESS]);
    const attempt = () => evaluateDraft(base, draft as { apply: NetworkPolicy[]; delete: string[] });
    expect(attempt).toThrow(QueryError);
    expect(attempt).toThrow(message);
  });
});

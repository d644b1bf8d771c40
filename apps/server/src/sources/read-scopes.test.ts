import { describe, expect, it } from 'vitest';
import { ReadScopes } from './read-scopes.ts';

describe('ReadScopes', () => {
  it('sees everything until a scope cannot be read', () => {
    const scopes = new ReadScopes();
    scopes.listed('networkpolicies', undefined);
    scopes.unreadable('pods', undefined);
    expect(scopes.visibility).toEqual({ policies: 'all', namespaceLabels: true });
  });

  it('reads no namespace’s policies when the cluster-wide list is forbidden without --namespace', () => {
    const scopes = new ReadScopes();
    scopes.unreadable('networkpolicies', undefined);
    expect(scopes.visibility).toEqual({ policies: [], namespaceLabels: true });
  });

  it('reads the policies of the fallback namespaces that could be listed', () => {
    const scopes = new ReadScopes();
    scopes.unreadable('networkpolicies', undefined, ['shop', 'front', 'ops']);
    scopes.listed('networkpolicies', 'shop');
    scopes.unreadable('networkpolicies', 'ops');
    expect(scopes.visibility).toEqual({ policies: ['shop', 'front'], namespaceLabels: true });
    scopes.listed('networkpolicies', 'ops');
    expect(scopes.visibility.policies).toEqual(['shop', 'front', 'ops']);
  });

  it('follows namespace labels becoming unreadable and readable again', () => {
    const scopes = new ReadScopes();
    scopes.unreadable('namespaces', undefined);
    expect(scopes.visibility).toEqual({ policies: 'all', namespaceLabels: false });
    scopes.listed('namespaces', undefined);
    expect(scopes.visibility).toEqual({ policies: 'all', namespaceLabels: true });
  });
});

import { describe, expect, it } from 'vitest';
import { appendDocument, draftExport, draftRequest, editableYaml, isSameRequest } from './draft-text.ts';

const served = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: cart
  namespace: shop
  uid: 6b1c
  resourceVersion: "4012"
  creationTimestamp: 2026-01-02T10:00:00Z
  generation: 1
  labels:
    uid: kept
spec:
  podSelector:
    matchLabels:
      app: cart
  policyTypes:
    - Ingress
status: {}
`;

describe('editableYaml', () => {
  it('drops the fields the API server sets, and status, and keeps everything else', () => {
    expect(editableYaml(served)).toBe(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: cart
  namespace: shop
  labels:
    uid: kept
spec:
  podSelector:
    matchLabels:
      app: cart
  policyTypes:
    - Ingress
`);
  });
});

describe('appendDocument', () => {
  it('starts an empty draft with the document, and separates later ones with ---', () => {
    const one = appendDocument('  \n', 'kind: NetworkPolicy\n\n');
    expect(one).toBe('kind: NetworkPolicy\n');
    expect(appendDocument(one, '---\nkind: Other')).toBe('kind: NetworkPolicy\n---\nkind: Other\n');
  });
});

describe('draftRequest', () => {
  it('sends only what the draft holds', () => {
    expect(draftRequest(' \n', [])).toEqual({});
    expect(draftRequest('kind: NetworkPolicy\n', ['shop/a'])).toEqual({
      yaml: 'kind: NetworkPolicy\n',
      delete: ['shop/a'],
    });
  });

  it('tells drafts apart, whatever the order of deletions', () => {
    expect(isSameRequest({ delete: ['a/x', 'b/y'] }, { delete: ['b/y', 'a/x'] })).toBe(true);
    expect(isSameRequest({ yaml: 'a' }, { yaml: 'a', delete: ['a/x'] })).toBe(false);
  });
});

describe('draftExport', () => {
  it('writes the policies to apply, and the deletions as kubectl commands in comments', () => {
    expect(draftExport('kind: NetworkPolicy\n', ['shop/allow-web', 'backoffice/old'])).toBe(
      [
        "# NetworkPolicy changes drafted with netmap's what-if.",
        '# Apply the policies below with: kubectl apply -f netmap-what-if.yaml',
        '# Then delete these policies:',
        '#   kubectl delete networkpolicy -n shop allow-web',
        '#   kubectl delete networkpolicy -n backoffice old',
        '---',
        'kind: NetworkPolicy',
        '',
      ].join('\n'),
    );
  });

  it('says so when the draft only deletes', () => {
    const text = draftExport('', ['shop/a']);
    expect(text).toContain('# The draft adds or changes no policy.');
    expect(text).not.toContain('---');
  });
});

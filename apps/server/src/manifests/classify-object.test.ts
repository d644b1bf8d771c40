import { describe, expect, it } from 'vitest';
import { classifyObject, NOT_A_KUBERNETES_OBJECT, READ_KINDS } from './classify-object.ts';

const metadata = { name: 'web', namespace: 'shop' };

describe('classifyObject', () => {
  it.each([...READ_KINDS])('reads a %s', (kind) => {
    const value = { apiVersion: 'v1', kind, metadata };
    expect(classifyObject(value)).toEqual({ type: 'read', object: value });
  });

  it.each([
    ['a ConfigMap', { kind: 'ConfigMap', metadata, data: { a: '1' } }, 'ConfigMap'],
    ['a Secret', { kind: 'Secret', metadata, data: { password: 'c2VjcmV0' } }, 'Secret'],
    [
      'a Kustomization',
      { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' },
      'Kustomization',
    ],
    ['a CRD object without metadata', { kind: 'Widget' }, 'Widget'],
    ['a lower-case kind, by its exact name', { kind: 'pod', metadata }, 'pod'],
  ])('skips %s by kind', (_name, value, kind) => {
    expect(classifyObject(value)).toEqual({ type: 'skipped', kind });
  });

  it('keeps nothing of a skipped Secret', () => {
    expect(
      JSON.stringify(classifyObject({ kind: 'Secret', metadata, data: { key: 'hunter2' } })),
    ).not.toContain('hunter2');
  });

  it.each([
    ['a values file', { replicaCount: 3, image: { tag: 'v1' } }],
    ['a string', 'hello'],
    ['a number', 42],
    ['a sequence', [{ kind: 'Pod' }]],
    ['a non-string kind', { kind: 3, metadata }],
    ['an empty kind', { kind: '', metadata }],
    ['a kind that is no identifier', { kind: 'Net Policy', metadata }],
    ['a kind named like a prototype', { kind: '__proto__', metadata }],
    ['a very long kind', { kind: 'K'.repeat(1000), metadata }],
  ])('counts %s as not a Kubernetes object', (_name, value) => {
    expect(classifyObject(value)).toEqual({ type: 'skipped', kind: NOT_A_KUBERNETES_OBJECT });
  });

  it.each([
    [{ kind: 'NetworkPolicy' }, 'NetworkPolicy without metadata'],
    [{ kind: 'Pod', metadata: 'web' }, 'Pod without metadata'],
    [{ kind: 'Pod', metadata: [] }, 'Pod without metadata'],
    [{ kind: 'NetworkPolicy', metadata: {} }, 'NetworkPolicy without metadata.name'],
    [{ kind: 'Service', metadata: { name: 7 } }, 'Service without metadata.name'],
    [{ kind: 'Service', metadata: { name: '' } }, 'Service without metadata.name'],
    [
      { kind: 'Pod', metadata: { name: 'a', namespace: ['x'] } },
      'Pod with a metadata.namespace that is not a string',
    ],
  ])('finds %j malformed', (value, reason) => {
    expect(classifyObject(value)).toEqual({ type: 'malformed', reason });
  });
});

import { describe, expect, it } from 'vitest';
import { searchNodes } from './search.ts';
import { shopModel } from './test-model.ts';

const { model } = shopModel();
const ids = (text: string, limit = 20) => searchNodes(model, text, limit).map((match) => match.id);

describe('searchNodes', () => {
  it('ranks an exact name first, then names starting with the text, then names holding it', () => {
    expect(ids('cart')).toEqual(['workload:shop/cart[Deployment]', 'service:shop/cart', 'pod:shop/cart-a']);
    expect(ids('front')[0]).toBe('workload:shop/frontend[Deployment]');
  });

  it('finds pods by IP, objects by label and ingresses by host, saying what matched', () => {
    expect(searchNodes(model, '10.244.2.4', 5)[0]).toMatchObject({
      id: 'pod:shop/frontend-b',
      matched: '10.244.2.4',
    });
    expect(searchNodes(model, 'k8s-app=kube-dns', 5)[0]).toMatchObject({
      id: 'pod:kube-system/coredns-a',
      matched: 'k8s-app=kube-dns',
    });
    expect(searchNodes(model, 'shop.example.com', 5)[0]).toMatchObject({
      id: 'ingress:shop/web',
      kind: 'ingress',
    });
  });

  it('finds the piece of the outside an address falls in, with the Internet once', () => {
    expect(searchNodes(model, '10.1.2.3', 5)[0]).toMatchObject({
      id: 'external:10.0.0.0-10.255.255.255[External]',
      name: '10.0.0.0/8',
    });
    expect(ids('8.8.8.8')).toEqual(['internet']);
    expect(ids('internet')).toEqual(['internet']);
  });

  it('needs every word to match, by namespace/name too', () => {
    expect(ids('shop fr')).toEqual([
      'workload:shop/frontend[Deployment]',
      'service:shop/frontend',
      'pod:shop/frontend-a',
      'pod:shop/frontend-b',
    ]);
    expect(ids('shop/cart')[0]).toBe('workload:shop/cart[Deployment]');
    expect(ids('kube-system nothing')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(ids('shop', 3)).toHaveLength(3);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';

// The example applications in apps/server/examples, through the CLI as a user runs it. Every
// expected answer is derived by hand from the manifests (see the comments in their YAML).
const examples = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
const ONLINE_SHOP = examples('online-shop');
const SOCK_SHOP = examples('sock-shop');
const CORNER_CASES = examples('cni-corner-cases');

interface Flow {
  from: string;
  to: string;
  ports: 'all' | string[];
}

async function netmap(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

async function netmapJson(...argv: string[]): Promise<unknown> {
  const { code, out, err } = await netmap(...argv, '--format', 'json');
  expect(code, err).toBe(0);
  return JSON.parse(out);
}

const flow = (from: string, to: string, ports: Flow['ports']): Flow => ({ from, to, ports });

const isOutside = (name: string) => name.endsWith('[External]') || name === '{ingress-controller}';

/** `netmap flows` between workloads only: flows to and from the outside are checked on their own. */
async function workloadFlows(...argv: string[]): Promise<Record<string, Flow[]>> {
  const result = (await netmapJson('flows', ...argv)) as Record<string, Flow[]>;
  const entries = Object.entries(result).map(
    ([key, flows]) => [key, flows.filter((f) => !isOutside(f.from) && !isOutside(f.to))] as const,
  );
  return Object.fromEntries(entries.filter(([key, flows]) => key === 'flows' || flows.length > 0));
}

function sortFlows(flows: Flow[]): Flow[] {
  const key = (f: Flow) => `${f.from}\u0000${f.to}`;
  return [...flows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('online-shop example', () => {
  const shop = (name: string) => `shop/${name}[Deployment]`;
  const CONTROLLER = 'ingress-nginx/ingress-nginx-controller[Deployment]';
  const COREDNS = 'kube-system/coredns[Deployment]';
  const SHOP = ['ad', 'cart', 'checkout', 'currency', 'email', 'frontend', 'loadgenerator']
    .concat(['payment', 'productcatalog', 'recommendation', 'redis-cart', 'shipping'])
    .map(shop);
  const shopWorkloadsOtherThan = (name: string) => SHOP.filter((workload) => workload !== shop(name));

  const FLOWS = sortFlows([
    // The call graph, as the allow-lists admit it; shipping's policy selects no pod (app: shiping).
    flow(shop('loadgenerator'), shop('frontend'), ['TCP 8080']),
    flow(CONTROLLER, shop('frontend'), ['TCP 8080']),
    flow(shop('frontend'), shop('ad'), ['TCP 9555']),
    flow(shop('frontend'), shop('cart'), ['TCP 7070']),
    flow(shop('frontend'), shop('checkout'), ['TCP 5050']),
    flow(shop('frontend'), shop('currency'), ['TCP 7000']),
    flow(shop('frontend'), shop('recommendation'), ['TCP 8080']),
    flow(shop('checkout'), shop('cart'), ['TCP 7070']),
    flow(shop('checkout'), shop('currency'), ['TCP 7000']),
    flow(shop('checkout'), shop('email'), ['TCP 8080']),
    flow(shop('checkout'), shop('payment'), ['TCP 50051']),
    // allow-dns: every shop pod to CoreDNS.
    ...SHOP.map((workload) => flow(workload, COREDNS, ['TCP 53', 'UDP 53'])),
    // productcatalog admits its whole namespace (its three real callers among them).
    ...shopWorkloadsOtherThan('productcatalog').map((workload) =>
      flow(workload, shop('productcatalog'), ['TCP 3550']),
    ),
    // redis-cart's split rule: cart on every port, and anyone at all on 6379.
    ...shopWorkloadsOtherThan('redis-cart').map((workload) =>
      flow(workload, shop('redis-cart'), workload === shop('cart') ? 'all' : ['TCP 6379']),
    ),
    flow(CONTROLLER, shop('redis-cart'), ['TCP 6379']),
    flow(COREDNS, shop('redis-cart'), ['TCP 6379']),
    // No policy selects the pods of ingress-nginx or kube-system.
    flow(CONTROLLER, COREDNS, 'all'),
    flow(COREDNS, CONTROLLER, 'all'),
  ]);

  it('reports the call graph, DNS and the three mistakes as flows', async () => {
    expect(await workloadFlows('--manifests', ONLINE_SHOP)).toEqual({
      flows: FLOWS,
      // payment and email may call any public address on 443; the pods built from templates have
      // no IP yet, so whether one of them is such an address is not known.
      unknown: [
        flow(shop('email'), CONTROLLER, ['TCP 443']),
        flow(shop('email'), COREDNS, ['TCP 443']),
        flow(shop('payment'), CONTROLLER, ['TCP 443']),
        flow(shop('payment'), COREDNS, ['TCP 443']),
      ],
    });
  });

  it('lists what the outside and the ingress controller reach, with the outside split at the ipBlock edges', async () => {
    const { flows } = (await netmapJson('flows', '--manifests', ONLINE_SHOP)) as { flows: Flow[] };
    const outside = flows.filter((f) => isOutside(f.from) || isOutside(f.to));
    expect(outside).toContainEqual(
      flow('0.0.0.0-255.255.255.255[External]', shop('redis-cart'), ['TCP 6379']),
    );
    expect(outside).toContainEqual(flow('{ingress-controller}', shop('frontend'), ['TCP 8080']));
    expect(outside.filter((f) => f.from === shop('payment')).map((f) => f.to)).toEqual([
      '0.0.0.0-9.255.255.255[External]',
      '11.0.0.0-172.15.255.255[External]',
      '172.32.0.0-192.167.255.255[External]',
      '192.169.0.0-255.255.255.255[External]',
    ]);
    expect(outside.find((f) => f.to === shop('frontend') && f.from.endsWith('[External]'))).toBeUndefined();
  });

  it('has no unknown flows when ipBlocks never match pods', async () => {
    const args = ['--manifests', ONLINE_SHOP, '--ipblock-matches-pods=false'];
    expect(await workloadFlows(...args)).toEqual({ flows: FLOWS });
  });

  it.each([
    ['203.0.113.7', 'svc/shop/frontend-external', '80', 'Denied: '],
    ['203.0.113.7', 'ingress/shop.example.com/', '443', 'Allowed: '],
    [shop('frontend'), 'svc/shop/shipping', '50051', 'Denied: '],
    [shop('checkout'), 'svc/shop/email', '5000', 'Allowed: '],
    [COREDNS, 'svc/shop/redis-cart', '6379', 'Allowed: '],
    ['203.0.113.7', 'svc/shop/redis-cart', '6379', 'Denied: '],
    [shop('payment'), '198.51.100.20', '443', 'Allowed: '],
    [shop('payment'), '198.51.100.20', '80', 'Denied: '],
    [shop('payment'), '10.1.2.3', '443', 'Denied: '],
  ])('can %s reach %s on TCP %s', async (from, to, port, verdict) => {
    const { code, out } = await netmap('can', from, to, '--port', port, '--manifests', ONLINE_SHOP);
    expect(code).toBe(0);
    expect(out.startsWith(verdict), out).toBe(true);
  });

  it('names the policy that stops the load balancer', async () => {
    const args = ['svc/shop/frontend-external', '--port', '80', '--manifests', ONLINE_SHOP];
    const { out } = await netmap('can', '203.0.113.7', ...args);
    expect(out).toContain('is isolated for ingress and no rule of 2 selecting policies allows TCP 8080');
    expect(out).toContain('policy shop/frontend');
  });

  it('lists who can reach redis-cart', async () => {
    const args = ['who-can-reach', shop('redis-cart'), '--port', '6379', '--manifests', ONLINE_SHOP];
    const sources = [CONTROLLER, COREDNS, ...SHOP].map((workload) => ({
      pod: workload,
      workload,
      ports: workload === shop('cart') || workload === shop('redis-cart') ? 'all' : ['TCP 6379'],
      unknownPorts: [],
    }));
    expect(await netmapJson(...args)).toEqual({ target: shop('redis-cart'), sources });
  });
});

describe('sock-shop example', () => {
  const sock = (name: string) => `sock-shop/${name}[Deployment]`;
  const SOCK = ['carts', 'carts-db', 'catalogue', 'catalogue-db', 'front-end', 'orders', 'orders-db']
    .concat(['payment', 'queue-master', 'rabbitmq', 'session-db', 'shipping', 'user', 'user-db'])
    .map(sock);

  it('keeps only the dependencies whose policies match the labels', async () => {
    expect(await workloadFlows('--manifests', SOCK_SHOP)).toEqual({
      flows: sortFlows([
        // front-end-access has no "from": every pod may reach the front end.
        ...SOCK.filter((workload) => workload !== sock('front-end')).map((workload) =>
          flow(workload, sock('front-end'), ['TCP 8079']),
        ),
        flow(sock('front-end'), sock('catalogue'), ['TCP 80']),
        flow(sock('front-end'), sock('orders'), ['TCP 80']),
        flow(sock('front-end'), sock('user'), ['TCP 80']),
        flow(sock('catalogue'), sock('catalogue-db'), ['TCP 3306']),
        flow(sock('orders'), sock('orders-db'), ['TCP 27017']),
        flow(sock('orders'), sock('payment'), ['TCP 80']),
        flow(sock('orders'), sock('shipping'), ['TCP 80']),
        flow(sock('orders'), sock('user'), ['TCP 80']),
        flow(sock('user'), sock('user-db'), ['TCP 27017']),
        flow(sock('shipping'), sock('rabbitmq'), ['TCP 5672']),
        flow(sock('queue-master'), sock('rabbitmq'), ['TCP 5672']),
        // Missing: front-end and orders -> carts, carts -> carts-db, front-end -> session-db.
      ]),
    });
  });

  it.each([
    [sock('front-end'), 'svc/sock-shop/carts', '80', 'Denied: '],
    [sock('carts'), 'svc/sock-shop/carts-db', '27017', 'Denied: '],
    [sock('front-end'), 'svc/sock-shop/session-db', '6379', 'Denied: '],
    [sock('orders'), 'svc/sock-shop/payment', '80', 'Allowed: '],
    ['203.0.113.7', 'svc/sock-shop/front-end', '30001', 'Allowed: '],
  ])('can %s reach %s on TCP %s', async (from, to, port, verdict) => {
    const { code, out } = await netmap('can', from, to, '--port', port, '--manifests', SOCK_SHOP);
    expect(code).toBe(0);
    expect(out.startsWith(verdict), out).toBe(true);
  });

  it('finds that only carts-db itself reaches carts-db', async () => {
    const args = ['who-can-reach', sock('carts-db'), '--manifests', SOCK_SHOP];
    expect(await netmapJson(...args)).toEqual({
      target: sock('carts-db'),
      sources: [{ pod: sock('carts-db'), workload: sock('carts-db'), ports: 'all', unknownPorts: [] }],
    });
  });
});

describe('cni-corner-cases example', () => {
  const API = 'lab/api[Deployment]';
  const DB = 'lab/db[StatefulSet]';
  const NODE_EXPORTER = 'monitoring/node-exporter[DaemonSet]';
  const PROMETHEUS = 'monitoring/prometheus[Deployment]';
  const API_POD = 'lab/api-5d9c7b-x2m4q';
  const PODS = [API_POD, 'lab/db-0', 'lab/debug', 'lab/sip-gateway', 'monitoring/node-exporter-n1'];

  const FLOWS = [
    flow(API, DB, ['TCP 5432']),
    flow(API, 'lab/sip-gateway[Pod]', ['UDP 5060', 'UDP 10000-10999', 'SCTP 3868']),
    // debug runs on node-2, whose pod range db's ipBlock admits.
    flow('lab/debug[Pod]', DB, ['TCP 5432']),
    flow('lab/report[CronJob]', API, ['TCP 8080-8089']),
    // hostNetwork: exempt from monitoring's default-deny, matched by the nodes' ipBlock only.
    flow(NODE_EXPORTER, API, ['TCP 8080']),
    flow(PROMETHEUS, API, ['TCP 8080']),
    flow(PROMETHEUS, NODE_EXPORTER, ['TCP 9100']),
  ];

  it('leaves out Pending and Succeeded pods; a CronJob without pods is unknown to an ipBlock', async () => {
    expect(await workloadFlows('--manifests', CORNER_CASES)).toEqual({
      flows: FLOWS,
      unknown: [flow('lab/report[CronJob]', DB, ['TCP 5432'])],
    });
  });

  it('keeps ipBlocks to the nodes when they never match pods', async () => {
    const args = ['--manifests', CORNER_CASES, '--ipblock-matches-pods=false'];
    expect(await workloadFlows(...args)).toEqual({
      flows: FLOWS.filter((f) => f.from !== 'lab/debug[Pod]'),
    });
  });

  it('draws the TCP 5432 matrix over running pods only', async () => {
    const args = ['matrix', '--manifests', CORNER_CASES, '--port', '5432'];
    expect(await netmapJson(...args)).toEqual({
      port: 5432,
      protocol: 'TCP',
      pods: PODS,
      allowed: {
        [API_POD]: [API_POD, 'lab/db-0'],
        'lab/db-0': ['lab/db-0'],
        'lab/debug': ['lab/db-0', 'lab/debug'],
        'lab/sip-gateway': ['lab/sip-gateway'],
        'monitoring/node-exporter-n1': ['monitoring/node-exporter-n1'],
      },
    });
  });

  it('draws the UDP 10500 matrix: a port inside an endPort range that no container lists', async () => {
    const args = ['matrix', '--manifests', CORNER_CASES, '--port', '10500', '--protocol', 'udp'];
    expect(await netmapJson(...args)).toEqual({
      port: 10500,
      protocol: 'UDP',
      pods: PODS,
      allowed: Object.fromEntries(
        PODS.map((pod) => [pod, pod === API_POD ? [API_POD, 'lab/sip-gateway'] : [pod]]),
      ),
    });
  });

  it.each([
    ['lab/debug', 'lab/db-0', 'TCP', '5432', 'Allowed: '],
    ['lab/report[CronJob]', 'lab/db-0', 'TCP', '5432', 'Unknown: '],
    [PROMETHEUS, 'monitoring/node-exporter-n1', 'TCP', '9100', 'Allowed: '],
    [NODE_EXPORTER, PROMETHEUS, 'TCP', '9090', 'Denied: '],
    ['monitoring/node-exporter-n1', 'svc/lab/api', 'TCP', '80', 'Allowed: '],
    [API_POD, 'lab/sip-gateway', 'SCTP', '3868', 'Allowed: '],
    [API_POD, 'lab/sip-gateway', 'TCP', '3868', 'Denied: '],
  ])('can %s reach %s on %s %s', async (from, to, protocol, port, verdict) => {
    const args = [from, to, '--port', port, '--protocol', protocol, '--manifests', CORNER_CASES];
    const { code, out } = await netmap('can', ...args);
    expect(code).toBe(0);
    expect(out.startsWith(verdict), out).toBe(true);
  });

  it.each(['lab/db-1', 'lab/migrate-7xk2p'])('refuses to check %s: it takes part in no flow', async (pod) => {
    const args = [pod, 'lab/db-0', '--port', '5432', '--manifests', CORNER_CASES];
    const { code, err } = await netmap('can', ...args);
    expect(code).toBe(2);
    expect(err).toContain(`pod ${pod} takes part in no flow`);
  });

  it('lists who can reach the database: its running pod, and a CronJob that may', async () => {
    const args = ['who-can-reach', DB, '--port', '5432', '--manifests', CORNER_CASES];
    const reach = (pod: string, workload: string, ports: Flow['ports'], unknownPorts: string[] = []) => ({
      pod,
      workload,
      ports,
      unknownPorts,
    });
    expect(await netmapJson(...args)).toEqual({
      target: DB,
      sources: [
        reach(API_POD, API, ['TCP 5432']),
        reach('lab/db-0', DB, 'all'),
        reach('lab/debug', 'lab/debug[Pod]', ['TCP 5432']),
        reach('lab/report[CronJob]', 'lab/report[CronJob]', [], ['TCP 5432']),
      ],
    });
  });
});

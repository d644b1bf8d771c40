/** What a generated dump holds: the objects netmap reads, with the lines where they start. */
export interface GeneratedDump {
  text: string;
  objects: { kind: string; name: string; line: number }[];
  /** ConfigMaps, which netmap skips. */
  skipped: number;
}

/**
 * Test helper: a cluster dump of about `bytes` bytes, as Helm renders one (`documents`: Services,
 * ConfigMaps, NetworkPolicies and Pods between `---` lines, with `# Source` comments) or as
 * `kubectl get -o yaml` prints one (`list`: Pods in a `kind: List`).
 */
export function generateDump(bytes: number, style: 'documents' | 'list'): GeneratedDump {
  const dump: GeneratedDump = { text: '', objects: [], skipped: 0 };
  const parts: string[] = [];
  let line = 1;
  let size = 0;
  const add = (part: string, kind?: string, name?: string) => {
    if (kind && name) dump.objects.push({ kind, name, line });
    parts.push(part);
    line += part.split('\n').length - 1;
    size += part.length;
  };
  if (style === 'list') add('apiVersion: v1\nitems:\n');
  for (let index = 0; size < bytes; index += 1) {
    if (style === 'list') {
      const lines = pod(index).trimEnd().split('\n');
      add(`${lines.map((text, at) => (at === 0 ? '- ' : '  ') + text).join('\n')}\n`, 'Pod', `web-${index}`);
      continue;
    }
    add(`---\n# Source: shop/templates/service.yaml\n`);
    add(service(index), 'Service', `web-${index}`);
    add(`---\n${configMap(index)}`);
    dump.skipped += 1;
    add('--- # policy\n\n');
    add(networkPolicy(index), 'NetworkPolicy', `allow-${index}`);
    add('---\n');
    add(pod(index), 'Pod', `web-${index}`);
  }
  if (style === 'list') add('kind: List\nmetadata:\n  resourceVersion: ""\n');
  dump.text = parts.join('');
  return dump;
}

const service = (index: number) => `apiVersion: v1
kind: Service
metadata:
  name: web-${index}
  namespace: team-${index % 7}
  labels:
    app.kubernetes.io/managed-by: Helm
spec:
  selector: {app: web-${index}}
  ports:
    - port: 80
      targetPort: http
`;

const configMap = (index: number) => `apiVersion: v1
kind: ConfigMap
metadata: {name: settings-${index}}
data:
  nginx.conf: |
    server {
      listen 80;
    }
  enabled: "on"
`;

const networkPolicy = (index: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${index}
  namespace: team-${index % 7}
spec:
  podSelector:
    matchLabels: {app: web-${index}}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports:
    - port: 8080
      protocol: TCP
`;

const pod = (index: number) => `apiVersion: v1
kind: Pod
metadata:
  annotations:
    prometheus.io/scrape: "true"
  creationTimestamp: "2024-05-01T10:11:12Z"
  labels:
    app: web-${index}
    pod-template-hash: 5d8f${index}
  name: web-${index}
  namespace: team-${index % 7}
  ownerReferences:
  - apiVersion: apps/v1
    controller: true
    kind: ReplicaSet
    name: web-5d8f${index}
spec:
  containers:
  - args: [--port=8080]
    image: registry.example.com/shop/web:1.${index % 20}
    name: web
    ports:
    - containerPort: 8080
      name: http
      protocol: TCP
    resources:
      limits: {cpu: 500m, memory: 256Mi}
  nodeName: node-${index % 40}
status:
  phase: Running
  podIP: 10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}
`;

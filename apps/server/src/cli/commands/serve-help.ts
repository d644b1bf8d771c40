/** `netmap serve --help`. */
export const SERVE_HELP = `Usage: netmap serve [--manifests PATH | --demo | --kubeconfig F --context C --namespace N] [options]

Serves netmap (web app, HTTP API and topology stream) for one source:
  a live cluster, found as kubectl finds it (--kubeconfig, else $KUBECONFIG, else ~/.kube/config,
  else the pod's service account); manifests on disk (--manifests); or the embedded demo cluster
  (--demo, and the default when no cluster is configured outside a pod).

Source:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --demo                        the embedded demo cluster, with small changes over time
  --demo-changes SECONDS        seconds between the demo's changes (default 5; 0 keeps it still)
  --demo-kubeconfig FILE        write a kubeconfig for the demo cluster to FILE, so that kubectl
                                can change it while you watch (the demo then takes changes from
                                anyone on this machine)
  --kubeconfig FILE             the kubeconfig to read
  --context NAME                the kubeconfig context to use
  --namespace NS                a namespace to read one by one where RBAC forbids cluster-wide
                                lists (repeatable)
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)

Listening:
  --host H                      address to listen on (default 127.0.0.1: this machine only)
  --port P                      port to listen on (default 8080)
  --allowed-host NAME           a host name to answer to without authentication, besides
                                localhost and IP addresses (repeatable; guards against DNS rebinding)
  --log-level LEVEL             fatal, error, warn, info (default), debug, trace or silent;
                                logs are JSON lines on stdout

Authentication (for shared deployments; /healthz and /readyz stay open):
  --auth-token-file FILE        an access token (16+ characters) read from FILE; browsers sign in
                                once at /login, API clients send Authorization: Bearer <token>
  --auth-token TOKEN            the same on the command line (visible in ps: prefer the file,
                                or the NETMAP_AUTH_TOKEN environment variable)
  --auth-proxy-header NAME      trust this header (e.g. X-Forwarded-User) as the signed-in user...
  --auth-proxy-address ADDR     ...only on connections from this address or CIDR range (repeatable)

Environment:
  NETMAP_AUTH_TOKEN             the access token, when no flag gives one
  NETMAP_SERVICE_ACCOUNT_DIR    where the pod's service-account token, ca.crt and namespace are
                                (default /var/run/secrets/kubernetes.io/serviceaccount)
  KUBECONFIG                    kubeconfig files, as kubectl reads them
  KUBERNETES_SERVICE_HOST/PORT  the API server, inside a pod (set by Kubernetes)

Endpoints: / (web app), /api/v1/stream (SSE), /api/v1/model, /api/v1/objects/ID,
/api/v1/policies/NS/NAME, /api/v1/can, /api/v1/who-can-reach, /api/v1/reachable-from,
/api/v1/matrix, /api/v1/flows, /api/v1/findings, /api/v1/status, /metrics, /healthz, /readyz.
`;

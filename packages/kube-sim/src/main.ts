import { parseArgs } from 'node:util';
import type { KubeObject } from '@netmap/model';
import { readSeedObjects } from './seed-files.ts';
import { startKubeSim } from './server.ts';

// `pnpm sim`: the simulator alone, for kubectl, the server's live mode or a load test.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8001' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', multiple: true, default: [] },
    token: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const print = (text: string) => process.stdout.write(`${text}\n`);

if (values.help) {
  print('usage: pnpm sim [--port 8001] [--host 127.0.0.1] [--seed FILE_OR_DIR]... [--token TOKEN]');
  process.exit(0);
}

const seed: KubeObject[] = [];
for (const path of values.seed) seed.push(...(await readSeedObjects(path)));
const sim = await startKubeSim({ port: Number(values.port), host: values.host, token: values.token, seed });
const auth = values.token ? ` --token ${values.token}` : '';
print(`kube-sim: a simulated Kubernetes API (v1.32) at ${sim.url} with ${seed.length} seed objects`);
print(`  kubectl --server ${sim.url}${auth} get pods -A`);
print(`  kubectl --server ${sim.url}${auth} create --validate=false -f manifest.yaml`);
print('Plain HTTP: no certificates, so --insecure-skip-tls-verify is not needed. Ctrl-C stops it.');

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

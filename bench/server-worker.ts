import { measureServerSize, type ServerSizeConfig } from './server-size.ts';

// Child process of server-run.ts: one cluster size per process, so sizes share neither heap nor peak RSS.
const config = JSON.parse(process.argv[2] ?? '{}') as ServerSizeConfig;
const result = await measureServerSize(config);
if (process.send) process.send(result, () => process.exit(0));
else {
  console.log(JSON.stringify(result));
  process.exit(0);
}

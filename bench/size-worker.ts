import { measureSize, type SizeConfig } from './measure-size.ts';

// Child process of run.ts: one cluster size per process, so sizes do not share heap or peak RSS.
const config = JSON.parse(process.argv[2] ?? '{}') as SizeConfig;
const result = measureSize(config);
if (process.send) process.send(result);
else console.log(JSON.stringify(result));

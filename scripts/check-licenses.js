// netmap is Apache-2.0 and ships its production dependencies (the server's, and the web app's in its
// bundle): none may carry a copyleft or non-commercial licence.
import { execFileSync } from 'node:child_process';

const DENIED = /GPL|SSPL|EUPL|OSL|CC-BY-NC|Commons Clause/i;

const report = JSON.parse(
  execFileSync('pnpm', ['licenses', 'list', '--prod', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
);
const denied = Object.entries(report)
  .filter(([licence]) => DENIED.test(licence))
  .flatMap(([licence, packages]) => packages.map((pkg) => `${pkg.name} (${licence})`));
if (denied.length > 0) {
  console.error(`netmap: production dependencies under licences it cannot ship: ${denied.join(', ')}`);
  process.exit(1);
}
console.log(`licences: ${Object.keys(report).sort().join(', ')}`);

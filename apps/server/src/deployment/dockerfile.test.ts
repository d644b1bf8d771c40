import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

const DOCKERFILE = readFileSync(fileURLToPath(new URL('../../../../Dockerfile', import.meta.url)), 'utf8');
const DOCKERIGNORE = readFileSync(
  fileURLToPath(new URL('../../../../.dockerignore', import.meta.url)),
  'utf8',
);

/** Instructions (continuation lines joined, comments dropped), as `[keyword, arguments]`. */
const instructions = DOCKERFILE.replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => [line.split(/\s+/)[0]!.toUpperCase(), line.slice(line.indexOf(' ') + 1)] as const);

describe('Dockerfile', () => {
  it('passes the linter without a warning', () => {
    expect(validate(DOCKERFILE).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds in one stage and runs on Node 24 slim in another, as a numeric non-root user', () => {
    const stages = instructions.filter(([keyword]) => keyword === 'FROM').map(([, image]) => image);
    expect(stages).toEqual(['node:24-bookworm-slim AS build', 'node:24-bookworm-slim']);
    const runtime = instructions.slice(
      instructions.findIndex(([, args]) => args === 'node:24-bookworm-slim'),
    );
    const user = runtime.find(([keyword]) => keyword === 'USER')?.[1];
    expect(user).toMatch(/^[1-9][0-9]*:[0-9]+$/);
    // The runtime stage takes built output only: no sources, no install.
    expect(runtime.filter(([keyword]) => keyword === 'RUN')).toEqual([]);
    expect(
      runtime.filter(([keyword]) => keyword === 'COPY').every(([, args]) => args.startsWith('--from=build')),
    ).toBe(true);
  });

  it('has no HEALTHCHECK (Kubernetes probes /healthz and /readyz) and starts the netmap CLI', () => {
    expect(instructions.some(([keyword]) => keyword === 'HEALTHCHECK')).toBe(false);
    expect(instructions.find(([keyword]) => keyword === 'ENTRYPOINT')?.[1]).toBe('["node", "bin/netmap.js"]');
  });

  it('keeps installed and built folders out of the build context', () => {
    expect(DOCKERIGNORE.split('\n')).toEqual(expect.arrayContaining(['.git', '**/node_modules', '**/dist']));
  });
});

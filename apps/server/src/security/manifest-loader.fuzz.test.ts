import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { evaluateCluster } from '@netmap/engine';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadManifests, ManifestError, READ_KINDS } from '../manifests/index.ts';

// Manifests are untrusted: on any input the loader returns objects or a ManifestError that says
// where and why, quickly; and whatever it returns, the engine evaluates without throwing.

const dir = mkdtempSync(join(tmpdir(), 'netmap-fuzz-'));
let files = 0;
const MAX_MS = 2000;

/** Loads `text` as a manifest file: the objects, or the ManifestError's message. */
async function load(text: string, extension = 'yaml') {
  const file = join(dir, `input-${files++}.${extension}`);
  writeFileSync(file, text);
  const started = performance.now();
  try {
    const { objects } = await loadManifests([file]);
    return { objects: objects.map((o) => o.object) };
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    expect(error.message).toMatch(/^.+:[0-9]+: .+/s);
    return { error: error.message };
  } finally {
    expect(performance.now() - started).toBeLessThan(MAX_MS);
  }
}

const SHOP = fileURLToPath(new URL('../../examples/online-shop/network-policies/', import.meta.url));
const shopYaml = readdirSync(SHOP).map((file) => readFileSync(join(SHOP, file), 'utf8'));

/** Random edits (insert, delete, replace) of real manifests: almost-valid YAML, the hard case. */
const mutatedManifest = fc
  .tuple(
    fc.constantFrom(...shopYaml),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([text, edits]) =>
    edits.reduce((result, [at, remove, insert]) => {
      const position = at % (result.length + 1);
      return result.slice(0, position) + insert + result.slice(position + remove);
    }, text),
  );

/** Objects of the kinds netmap reads, with arbitrary metadata and spec. */
const oddObject = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'networking.k8s.io/v1', 'batch/v1', 'discovery.k8s.io/v1'),
  kind: fc.constantFrom(...READ_KINDS),
  metadata: fc.record(
    { name: fc.string({ maxLength: 10 }), namespace: fc.string({ maxLength: 6 }), labels: fc.anything() },
    { requiredKeys: [] },
  ),
  spec: fc.anything({ maxDepth: 4 }),
  status: fc.anything({ maxDepth: 2 }),
});

describe('the manifest loader on arbitrary input', () => {
  it('loads or refuses any text, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom('yaml', 'json'),
        async (text, ext) => {
          await load(text, ext);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('loads or refuses edited real manifests, and the engine takes what it loads', async () => {
    let evaluated = 0;
    await fc.assert(
      fc.asyncProperty(mutatedManifest, async (text) => {
        const result = await load(text);
        if (result.objects && result.objects.length > 0)
          evaluated += Number(!!evaluateCluster(result.objects));
      }),
      { numRuns: 150 },
    );
    expect(evaluated).toBeGreaterThan(10);
  });

  it('loads or refuses objects of the read kinds with arbitrary fields, and the engine takes what it loads', async () => {
    let evaluated = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(oddObject, { maxLength: 4 }), async (objects) => {
        const result = await load(objects.map((object) => stringify(object)).join('---\n'));
        if (result.objects && result.objects.length > 0)
          evaluated += Number(!!evaluateCluster(result.objects));
      }),
      { numRuns: 150 },
    );
    expect(evaluated).toBeGreaterThan(10);
  });
});

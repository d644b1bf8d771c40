import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { KubeObject } from '@netmap/model';
import { parseAllDocuments } from 'yaml';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Lists the manifest files under a path, recursively and sorted. */
async function listManifestFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => {
        const full = join(path, entry.name);
        if (entry.isDirectory()) return listManifestFiles(full);
        return Promise.resolve(MANIFEST_EXTENSIONS.has(extname(entry.name)) ? [full] : []);
      }),
  );
  return nested.flat();
}

/** Flattens `List` objects (`kubectl get -o yaml` dumps) into their items. */
function flattenLists(object: KubeObject): KubeObject[] {
  const items = (object as { items?: KubeObject[] }).items;
  return object.kind?.endsWith('List') && Array.isArray(items) ? items.flatMap(flattenLists) : [object];
}

/** The objects kinds must be created in: namespaces first, so namespaced objects find theirs. */
const rank = (object: KubeObject) => (object.kind === 'Namespace' ? 0 : 1);

/** Reads the objects of YAML or JSON files (a file or a directory, recursively), namespaces first. */
export async function readSeedObjects(path: string): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  for (const file of await listManifestFiles(path)) {
    const text = await readFile(file, 'utf8');
    for (const document of parseAllDocuments(text)) {
      const value = document.toJS() as unknown;
      if (value && typeof value === 'object' && 'kind' in value) objects.push(...flattenLists(value as KubeObject));
    }
  }
  return objects.sort((a, b) => rank(a) - rank(b));
}

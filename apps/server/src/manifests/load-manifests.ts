import type { KubeObject } from '@netmap/model';
import { classifyObject } from './classify-object.ts';
import { collectFiles, compareCodeUnits } from './collect-files.ts';
import { expandDocument } from './expand-lists.ts';
import { ManifestError } from './manifest-error.ts';
import { parseDocuments } from './parse-documents.ts';
import { DEFAULT_MAX_FILE_BYTES, readManifestFile } from './read-manifest-file.ts';
import { stripSensitive } from './strip-sensitive.ts';

/** Default for `maxDocuments`: a large cluster's dump, with room to spare. */
export const DEFAULT_MAX_DOCUMENTS = 200_000;

/** One Kubernetes object read from a file, and where it starts. */
export interface LoadedObject {
  object: KubeObject;
  file: string;
  /** 1-based line where the document, or the list item, starts. */
  line: number;
}

/** What a set of manifest files holds, as netmap reads it. */
export interface ManifestLoad {
  /** Every object of a kind netmap reads, in input order, with sensitive fields stripped. */
  objects: LoadedObject[];
  /** How many objects were skipped, by kind, e.g. `{ ConfigMap: 2, Secret: 1 }`. */
  skipped: Record<string, number>;
  /** Every file read, sorted. */
  files: string[];
}

/** Bounds on untrusted input. */
export interface LoadManifestsOptions {
  /** Largest file read, in bytes; default 64 MiB. */
  maxFileBytes?: number;
  /** Most documents over all files, each list item counting as one; default 200,000. */
  maxDocuments?: number;
}

/**
 * Reads Kubernetes objects from YAML and JSON files and directories (`kubectl get -o yaml` dumps,
 * GitOps repositories) for offline analysis. Throws a ManifestError at `file:line` on bad input.
 */
export async function loadManifests(
  paths: readonly string[],
  options: LoadManifestsOptions = {},
): Promise<ManifestLoad> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxDocuments = options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS;
  const files = await collectFiles(paths);
  const objects: LoadedObject[] = [];
  const skipped = new Map<string, number>();
  let documents = 0;
  for (const file of files) {
    const source = await readManifestFile(file, maxFileBytes);
    for (const doc of parseDocuments(source, file)) {
      const entries = expandDocument(doc);
      // An empty document still costs parsing, so it counts: a stream of `---` cannot run forever.
      documents += Math.max(1, entries.length);
      if (documents > maxDocuments) {
        throw new ManifestError(file, doc.line, `more than ${maxDocuments} documents in total (the limit)`);
      }
      for (const { value, line } of entries) {
        const result = classifyObject(value);
        if (result.type === 'malformed') throw new ManifestError(file, line, result.reason);
        if (result.type === 'skipped') skipped.set(result.kind, (skipped.get(result.kind) ?? 0) + 1);
        else objects.push({ object: stripSensitive(result.object), file, line });
      }
    }
  }
  // fromEntries defines own properties, so no kind name can reach Object.prototype.
  return { objects, skipped: Object.fromEntries(skipped), files: [...files].sort(compareCodeUnits) };
}

import { KubeError } from './status.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** RFC 7386 JSON merge patch: objects merge, `null` removes a key, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

const parsePointer = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));

function locate(document: unknown, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string } {
  const parts = parsePointer(pointer);
  const key = parts.pop();
  let parent: unknown = document;
  for (const part of parts) parent = (parent as Record<string, unknown> | undefined)?.[part];
  if (key === undefined || parent === null || typeof parent !== 'object') {
    throw new KubeError('Invalid', `the server rejected our request due to an error in our request: path ${pointer} not found`);
  }
  return { parent: parent as Record<string, unknown> | unknown[], key };
}

function read(document: unknown, pointer: string): unknown {
  const { parent, key } = locate(document, pointer);
  return (parent as Record<string, unknown>)[key];
}

function add(document: unknown, pointer: string, value: unknown): void {
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, structuredClone(value));
  else parent[key] = structuredClone(value);
}

function remove(document: unknown, pointer: string): void {
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (key in parent) delete parent[key];
  else throw new KubeError('Invalid', `the server rejected our request due to an error in our request: path ${pointer} not found`);
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test) on a copy of the document. */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new KubeError('BadRequest', 'a json patch must be a list of operations');
  const document = structuredClone(target);
  for (const operation of operations as JsonPatchOperation[]) {
    switch (operation.op) {
      case 'add':
        add(document, operation.path, operation.value);
        break;
      case 'remove':
        remove(document, operation.path);
        break;
      case 'replace':
        remove(document, operation.path);
        add(document, operation.path, operation.value);
        break;
      case 'move': {
        const value = read(document, operation.from ?? '');
        remove(document, operation.from ?? '');
        add(document, operation.path, value);
        break;
      }
      case 'copy':
        add(document, operation.path, read(document, operation.from ?? ''));
        break;
      case 'test':
        if (JSON.stringify(read(document, operation.path)) !== JSON.stringify(operation.value)) {
          throw new KubeError('Invalid', `the server rejected our request due to an error in our request: test failed at ${operation.path}`);
        }
        break;
      default:
        throw new KubeError('BadRequest', `unsupported json patch operation`);
    }
  }
  return document;
}

/** Applies a PATCH body by its content type; strategic merge is treated as a merge patch. */
export function applyPatch(contentType: string, target: unknown, patch: unknown): unknown {
  const type = contentType.split(';')[0]?.trim();
  if (type === 'application/json-patch+json') return applyJsonPatch(target, patch);
  if (type === 'application/merge-patch+json' || type === 'application/strategic-merge-patch+json') {
    return applyMergePatch(target, patch);
  }
  throw new KubeError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
}

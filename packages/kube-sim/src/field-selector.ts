import type { KubeObject } from '@netmap/model';
import { KubeError } from './status.ts';

/** One term of a `fieldSelector` query parameter. */
export interface FieldRequirement {
  field: string;
  equals: boolean;
  value: string;
}

/** Reads a dotted field path (`metadata.name`, `spec.nodeName`, `status.phase`) as a string. */
function readField(object: KubeObject, path: string): string {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? '' : String(value);
}

/** Parses a `fieldSelector` (`metadata.name=x,metadata.namespace!=y`; `=`, `==`, `!=`). */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  return selector
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((term) => {
      const match = /^([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*)$/.exec(term);
      if (!match) throw new KubeError('BadRequest', `invalid selector: '${term}'; can't understand '${term}'`);
      return { field: match[1] ?? '', equals: match[2] !== '!=', value: (match[3] ?? '').trim() };
    });
}

/** Whether an object satisfies every field requirement. */
export function matchesFields(requirements: FieldRequirement[], object: KubeObject): boolean {
  return requirements.every(({ field, equals, value }) => (readField(object, field) === value) === equals);
}

import { findResourceType, type ResourceType } from './resources.ts';

/** What a request path addresses: a discovery document or a resource (collection, object, subresource). */
export type RequestTarget =
  | { kind: 'discovery'; path: string }
  | {
      kind: 'resource';
      type: ResourceType;
      /** The namespace in the path; '' for cluster-scoped resources and all-namespace lists. */
      namespace: string;
      name?: string;
      subresource?: string;
    }
  | { kind: 'unknown' };

/** Splits `/api/v1/...` and `/apis/<group>/<version>/...` into group, version and the rest. */
function splitGroupVersion(segments: string[]): { group: string; version: string; rest: string[] } | undefined {
  if (segments[0] === 'api' && segments[1]) return { group: '', version: segments[1], rest: segments.slice(2) };
  if (segments[0] === 'apis' && segments[1] && segments[2]) {
    return { group: segments[1], version: segments[2], rest: segments.slice(3) };
  }
  return undefined;
}

/** Parses a request path the way the API server's request info resolver does. */
export function parseRequestPath(pathname: string): RequestTarget {
  const segments = pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
  const groupVersion = splitGroupVersion(segments);
  if (!groupVersion || groupVersion.rest.length === 0) return { kind: 'discovery', path: `/${segments.join('/')}` };
  const { group, version, rest } = groupVersion;
  // `/namespaces/{ns}/{resource}/...` addresses a namespaced resource; `/namespaces/{name}/status`
  // and `/namespaces/{name}` address the namespace itself.
  const nested = rest[0] === 'namespaces' && rest[2] !== undefined ? findResourceType(group, version, rest[2]) : undefined;
  if (nested?.namespaced && rest[1]) {
    if (rest.length > 5) return { kind: 'unknown' };
    return { kind: 'resource', type: nested, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const type = rest[0] === undefined ? undefined : findResourceType(group, version, rest[0]);
  if (!type || rest.length > 3) return { kind: 'unknown' };
  return { kind: 'resource', type, namespace: '', name: rest[1], subresource: rest[2] };
}

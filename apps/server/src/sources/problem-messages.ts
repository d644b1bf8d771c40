import type { ApiError } from './api-request.ts';
import { apiVersionOf, type WatchedResource } from './watched-resources.ts';

/** Why a resource cannot be read, and what would fix it, for a `problem` event. */
export function unreadableMessage(
  resource: WatchedResource,
  namespace: string | undefined,
  error: ApiError,
): string {
  const what = resource.resource;
  if (error.statusCode === 404) return `${what} (${apiVersionOf(resource)}) is not served by this cluster`;
  if (namespace !== undefined)
    return `forbidden: netmap cannot list ${what} in namespace ${namespace}; give it get/list/watch there`;
  const consequence =
    what === 'namespaces' ? '; namespace labels are unknown, so namespaceSelectors cannot be evaluated' : '';
  const fix = resource.namespaced
    ? 'give it get/list/watch or name namespaces with --namespace'
    : `give it get/list/watch on ${what}`;
  return `forbidden: netmap cannot list ${what} cluster-wide; ${fix}${consequence}`;
}

/** A cluster-wide list that is forbidden, read namespace by namespace instead (`--namespace`). */
export function fallbackMessage(resource: WatchedResource, namespaces: readonly string[]): string {
  const what = resource.resource;
  const consequence =
    what === 'networkpolicies' ? '; verdicts to or from pods of other namespaces are unknown' : '';
  return `forbidden: netmap cannot list ${what} cluster-wide; reading them only in ${namespaces.join(', ')} (--namespace)${consequence}`;
}

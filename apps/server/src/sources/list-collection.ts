import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '@netmap/model';
import { ApiError, getJson } from './api-request.ts';

/** A whole collection, read page by page, with the resourceVersion of its snapshot. */
export interface CollectionList {
  items: KubeObject[];
  resourceVersion: string;
}

interface ListPage {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[] | null;
}

/** Items per page: large clusters are read in chunks the API server serves from its cache cheaply. */
export const PAGE_SIZE = 500;

/**
 * Lists a collection with `limit` + `continue`. All pages come from one snapshot; when the
 * continue token expires mid-way (410), the list starts over rather than mixing snapshots.
 */
export async function listCollection(
  config: KubeConfig,
  path: string,
  pageSize = PAGE_SIZE,
): Promise<CollectionList> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listPages(config, path, pageSize);
    } catch (error) {
      if (!(error instanceof ApiError && error.statusCode === 410 && attempt < 2)) throw error;
    }
  }
}

async function listPages(config: KubeConfig, path: string, pageSize: number): Promise<CollectionList> {
  const items: KubeObject[] = [];
  let token: string | undefined;
  let resourceVersion = '';
  do {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (token) query.set('continue', token);
    const page = (await getJson(config, `${path}?${query}`)) as ListPage;
    items.push(...(page.items ?? []));
    resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
    token = page.metadata?.continue || undefined;
  } while (token);
  return { items, resourceVersion };
}

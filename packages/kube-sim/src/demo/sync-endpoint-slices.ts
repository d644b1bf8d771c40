import type { SimStore } from '../sim-store.ts';
import { buildEndpointSlice, endpointSliceContents, hasManagedEndpoints } from './endpoint-slices.ts';
import type { Random } from './random.ts';
import { listSorted, REFS } from './store-refs.ts';

/**
 * Brings the EndpointSlices of a namespace's Services in line with its pods, as the EndpointSlice
 * controller does: existing slices are updated in place (unchanged ones are not written), missing
 * ones created, surplus ones deleted.
 */
export function syncEndpointSlices(store: SimStore, namespace: string, random: Random): void {
  const pods = listSorted(store, { ...REFS.pod, namespace });
  const slices = listSorted(store, { ...REFS.endpointSlice, namespace });
  for (const service of listSorted(store, { ...REFS.service, namespace }).filter(hasManagedEndpoints)) {
    const serviceName = service.metadata?.name ?? '';
    const own = slices.filter(
      (slice) => slice.metadata?.labels?.['kubernetes.io/service-name'] === serviceName,
    );
    const contents = endpointSliceContents(service, pods);
    contents.forEach((content, i) => {
      const existing = own[i];
      if (existing)
        store.update({ ...existing, endpoints: content.endpoints, ports: content.ports } as typeof existing);
      else store.create(buildEndpointSlice(service, content, `${serviceName}-${random.suffix()}`));
    });
    for (const surplus of own.slice(contents.length)) store.delete(surplus);
  }
}

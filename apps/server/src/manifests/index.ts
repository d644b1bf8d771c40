export { loadManifests, DEFAULT_MAX_DOCUMENTS } from './load-manifests.ts';
export type { LoadedObject, LoadManifestsOptions, ManifestLoad } from './load-manifests.ts';
export { ManifestError } from './manifest-error.ts';
export { DEFAULT_MAX_FILE_BYTES } from './read-manifest-file.ts';
export { READ_KINDS, NOT_A_KUBERNETES_OBJECT } from './classify-object.ts';
export { stripSensitive } from './strip-sensitive.ts';

export { startKubeSim, type KubeSim, type KubeSimOptions } from './server.ts';
export type { SimStore, ObjectRef } from './sim-store.ts';
export type { Faults, FailureSpec, FaultCode } from './faults.ts';
export type { ForbiddenRule } from './access.ts';
export type { Status, StatusReason } from './status.ts';
export type { WatchEvent } from './watch-stream.ts';
export { RESOURCE_TYPES, type ResourceType } from './resources.ts';
export { readSeedObjects } from './seed-files.ts';
export {
  loadDemoCluster,
  readDemoManifests,
  seedDemoCluster,
  materializeWorkloads,
  applyDemoChange,
  startDemoChanges,
  createRandom,
  type DemoChange,
  type DemoChangesOptions,
  type Random,
} from './demo/index.ts';

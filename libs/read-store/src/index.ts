export * from './read-model-store.port';
export { ReadStoreUsageError, assertDocument } from './shared/identifiers';
export { changedDocument } from './shared/batch';
export { READ_STORE_CACHE_MIB, SqliteReadModelStore } from './sqlite/sqlite-read-model-store';
export type { SqliteReadModelStoreOptions } from './sqlite/sqlite-read-model-store';
export { describeReadModelStoreConformance } from './conformance/read-model-store.conformance';
export type {
  MakeReadModelStore,
  ReadModelStoreHarness,
} from './conformance/read-model-store.conformance';
export { MongoReadModelStore } from './mongo/mongo-read-model-store';
export type { MongoReadModelStoreOptions } from './mongo/mongo-read-model-store';
export * from './lease.port';

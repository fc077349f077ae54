export * from './event-store.port';
export * from './integrity/hash-chain';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export type { SqliteEventStoreOptions, SqliteSynchronous } from './sqlite/sqlite-schema';
export type { GroupCommitStats } from './sqlite/sqlite-group-commit';
export { EventStoreDbEventStore } from './esdb/esdb-event-store';
export type { EventStoreDbOptions } from './esdb/esdb-event-store';
export { describeEventStoreConformance } from './conformance/event-store.conformance';
export type { MakeEventStore } from './conformance/conformance-fixtures';

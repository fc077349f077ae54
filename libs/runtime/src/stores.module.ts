import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import {
  EVENT_STORE,
  EventStore,
  EventStoreDbEventStore,
  SqliteEventStore,
} from '@hub/event-store';
import {
  MongoReadModelStore,
  READ_MODEL_STORE,
  ReadModelStore,
  SqliteReadModelStore,
} from '@hub/read-store';
import { HUB_CONFIG, HubConfig } from './config/hub-config';
import { HUB_METRICS, HubMetrics } from './observability/hub-metrics';
import { MeteredEventStore } from './observability/metered-event-store';

async function openEventStore(config: HubConfig, metrics?: HubMetrics): Promise<EventStore> {
  const store = await openEngine(config);
  return metrics ? new MeteredEventStore(store, metrics) : store;
}

async function openEngine(config: HubConfig): Promise<EventStore> {
  if (config.eventStore.kind === 'esdb') {
    const store = new EventStoreDbEventStore({
      connectionString: config.eventStore.connectionString,
    });
    // Units (an id's claim and its record) a crash cut short between parts land now, before
    // anything reads or writes their streams.
    await store.completePendingUnits();
    return store;
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    file: config.eventStore.file,
    synchronous: config.eventStore.synchronous,
  });
}

async function openReadStore(config: HubConfig): Promise<ReadModelStore> {
  if (config.readStore.kind === 'mongodb') {
    return MongoReadModelStore.connect(config.readStore.url, {
      database: config.readStore.database,
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteReadModelStore({ file: config.readStore.file });
}

/** The engines the configuration names: one event store and one read-model store per process. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [HUB_CONFIG, { token: HUB_METRICS, optional: true }],
      useFactory: openEventStore,
    },
    { provide: READ_MODEL_STORE, inject: [HUB_CONFIG], useFactory: openReadStore },
  ],
  exports: [EVENT_STORE, READ_MODEL_STORE],
})
export class StoresModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.readModels.close()]);
  }
}

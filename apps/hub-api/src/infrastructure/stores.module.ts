import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import {
  EVENT_LOG_INTEGRITY,
  EVENT_STORE,
  EventStore,
  EventStoreDbEventStore,
  SqliteEventStore,
  Upcasters,
} from '@hub/event-store';
import { EVENT_UPCASTERS } from '@hub/domain';
import {
  MongoReadModelStore,
  READ_MODEL_STORE,
  ReadModelStore,
  SqliteReadModelStore,
} from '@hub/read-store';
import { HUB_CONFIG, HubConfig } from '../config/hub-config';

function openEventStore(config: HubConfig): EventStore {
  // Events stored at an older schema version read in their current shape, on either engine.
  const upcasters = new Upcasters(EVENT_UPCASTERS);
  if (config.eventStore.kind === 'esdb') {
    return new EventStoreDbEventStore({
      connectionString: config.eventStore.connectionString,
      upcasters,
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    file: config.eventStore.file,
    synchronous: config.eventStore.synchronous,
    upcasters,
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
    { provide: EVENT_STORE, inject: [HUB_CONFIG], useFactory: openEventStore },
    // Both adapters chain what they store (SqliteEventStore, EventStoreDbEventStore).
    { provide: EVENT_LOG_INTEGRITY, useExisting: EVENT_STORE },
    { provide: READ_MODEL_STORE, inject: [HUB_CONFIG], useFactory: openReadStore },
  ],
  exports: [EVENT_STORE, EVENT_LOG_INTEGRITY, READ_MODEL_STORE],
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

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

function openEventStore(config: HubConfig): EventStore {
  if (config.eventStore.kind === 'esdb') {
    return new EventStoreDbEventStore({ connectionString: config.eventStore.connectionString });
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
    { provide: EVENT_STORE, inject: [HUB_CONFIG], useFactory: openEventStore },
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

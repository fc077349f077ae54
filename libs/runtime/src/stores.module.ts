import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import {
  EVENT_LOG_INTEGRITY,
  EVENT_STORE,
  EventStore,
  EventStoreDbEventStore,
  PersonalDataCodec,
  PersonalDataEventStore,
  SqliteEventStore,
  SubjectKeyStore,
  Upcasters,
} from '@hub/event-store';
import { ERASED, EVENT_UPCASTERS, PERSONAL_DATA } from '@hub/domain';
import { join } from 'node:path';
import {
  MongoReadModelStore,
  READ_MODEL_STORE,
  ReadModelStore,
  SqliteReadModelStore,
} from '@hub/read-store';
import { HUB_CONFIG, HubConfig } from './config/hub-config';
import { HUB_METRICS, HubMetrics } from './observability/hub-metrics';
import { MeteredEventStore } from './observability/metered-event-store';

async function openEngine(config: HubConfig): Promise<EventStore> {
  // Events stored at an older schema version read in their current shape, on either engine.
  const upcasters = new Upcasters(EVENT_UPCASTERS);
  if (config.eventStore.kind === 'esdb') {
    const store = new EventStoreDbEventStore({
      connectionString: config.eventStore.connectionString,
      upcasters,
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

/** The engine's own store, before personal data is sealed: what the hash chain covers. */
const ENGINE_EVENT_STORE = Symbol('EngineEventStore');

/**
 * The key store of personal data: a SQLite file in DATA_DIR whichever event engine runs (with
 * EventStoreDB, every process sharing the log must share this DATA_DIR).
 */
function openSubjectKeys(config: HubConfig): SubjectKeyStore {
  mkdirSync(config.dataDir, { recursive: true });
  return new SubjectKeyStore(join(config.dataDir, 'subject-keys.sqlite'), config.masterKey.key);
}

/** The engines the configuration names: one event store and one read-model store per process. */
@Global()
@Module({
  providers: [
    { provide: ENGINE_EVENT_STORE, inject: [HUB_CONFIG], useFactory: openEngine },
    { provide: SubjectKeyStore, inject: [HUB_CONFIG], useFactory: openSubjectKeys },
    {
      // Everything else reads and writes through the codec (sealed before the append, opened on
      // read), timed for /metrics when the metrics are there.
      provide: EVENT_STORE,
      inject: [ENGINE_EVENT_STORE, SubjectKeyStore, { token: HUB_METRICS, optional: true }],
      useFactory: (engine: EventStore, keys: SubjectKeyStore, metrics?: HubMetrics) => {
        const store = new PersonalDataEventStore(
          engine,
          new PersonalDataCodec(PERSONAL_DATA, keys, ERASED),
        );
        return metrics ? new MeteredEventStore(store, metrics) : store;
      },
    },
    // Both adapters chain what they store (SqliteEventStore, EventStoreDbEventStore).
    { provide: EVENT_LOG_INTEGRITY, useExisting: ENGINE_EVENT_STORE },
    { provide: READ_MODEL_STORE, inject: [HUB_CONFIG], useFactory: openReadStore },
  ],
  exports: [EVENT_STORE, EVENT_LOG_INTEGRITY, READ_MODEL_STORE, SubjectKeyStore],
})
export class StoresModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly keys: SubjectKeyStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.readModels.close()]);
    this.keys.close();
  }
}

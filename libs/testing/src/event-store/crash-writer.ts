// Child process of the crash test: appends until killed, printing `ack <position>` for each
// append only after the store acknowledged it.
import { randomUUID } from 'node:crypto';
import { NO_STREAM } from '@hub/event-store/event-store.port';
import { SqliteEventStore } from '@hub/event-store/sqlite/sqlite-event-store';

const WRITERS = 8;

async function writer(store: SqliteEventStore, index: number): Promise<void> {
  const stream = `crash-${index}`;
  for (let revision = -1; ; revision += 1) {
    const event = {
      type: 'Written',
      data: { writer: index, revision: revision + 1 },
      metadata: {
        eventId: randomUUID(),
        schemaVersion: 1,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        actor: { service: 'crash-writer' },
        source: 'api',
        occurredAt: new Date().toISOString(),
      },
    };
    const result = await store.appendToStream(stream, [event], revision < 0 ? NO_STREAM : revision);
    process.stdout.write(`ack ${result.position}\n`);
  }
}

const store = new SqliteEventStore(process.argv[2]);
void Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(store, i)));

// The read store's writer thread (see SqliteThreadWriter): opens its own connection to the
// database file and applies each message's write steps in one transaction, in arrival order.
import { parentPort, workerData } from 'node:worker_threads';
import {
  ReadStoreDatabaseOptions,
  WriteStep,
  openReadStoreDatabase,
  stepRunner,
} from './sqlite-writes';

/** A message to the thread: steps to apply, or (no steps) the request to close. */
export interface WriterRequest {
  seq: number;
  steps?: readonly WriteStep[];
}

/** The thread's answer to one request: nothing, or why it failed (the transaction rolled back). */
export interface WriterReply {
  seq: number;
  error?: { name: string; message: string; code?: string };
}

const port = parentPort!;
const db = openReadStoreDatabase(workerData as ReadStoreDatabaseOptions);
const run = stepRunner(db);

port.on('message', ({ seq, steps }: WriterRequest) => {
  if (!steps) {
    db.close();
    port.postMessage({ seq } satisfies WriterReply);
    port.close();
    return;
  }
  try {
    run(steps);
    port.postMessage({ seq } satisfies WriterReply);
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const code = (error as { code?: unknown }).code;
    port.postMessage({
      seq,
      error: {
        name: error.name,
        message: error.message,
        code: typeof code === 'string' ? code : undefined,
      },
    } satisfies WriterReply);
  }
});

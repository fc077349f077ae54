import { join } from 'node:path';
import { parsePosition } from '@hub/event-store';
import { SqliteReadModelStore } from '@hub/read-store';
import { describeProcesses } from './processes.e2e-scenario';

// The acceptance of api.md "Processes" on the embedded stores: the SQLite files of one DATA_DIR.
describeProcesses(
  'SQLite read store',
  () => ({}),
  async (dataDir) => {
    const store = new SqliteReadModelStore({ file: join(dataDir, 'read-models.sqlite') });
    return {
      leases: () => store.listLeases(),
      workflowCheckpoint: async () => {
        const saved = await store.getCheckpoint('follow-ups');
        return saved?.position ? parsePosition(saved.position) : null;
      },
      close: () => store.close(),
    };
  },
);

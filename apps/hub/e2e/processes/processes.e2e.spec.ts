import { join } from 'node:path';
import { SqliteReadModelStore } from '@hub/read-store';
import { describeProcesses } from './processes.e2e-scenario';

// The acceptance of api.md "Processes" on the embedded stores: the SQLite files of one DATA_DIR.
describeProcesses(
  'SQLite read store',
  () => ({}),
  async (dataDir) => new SqliteReadModelStore({ file: join(dataDir, 'read-models.sqlite') }),
);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadModelStoreConformance } from '../conformance/read-model-store.conformance';
import { SqliteReadModelStore } from './sqlite-read-model-store';

describeReadModelStoreConformance('SqliteReadModelStore (temp file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-read-store-'));
  const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// Batch write and query throughput of SqliteReadModelStore, the shape a projection rebuild
// produces (batches of puts plus a checkpoint). `npm run bench -- read-store-sqlite [--docs N]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentChange, SqliteReadModelStore } from '@hub/read-store';

const argIndex = process.argv.indexOf('--docs');
const DOCS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 100_000;
const BATCH = 1_000;

function caseDoc(i: number): Record<string, unknown> {
  return {
    id: `case-${i}`,
    workspaceId: `ws-${i % 50}`,
    status: ['open', 'closed', 'pending'][i % 3],
    openedAt: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    counts: { comments: i % 17, attachments: i % 3 },
    title: 'Customer reports intermittent failures on the cluster',
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-read-store-'));
  const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  try {
    await store.ensureIndex('cases', ['workspaceId', 'openedAt']);
    let started = process.hrtime.bigint();
    for (let from = 0; from < DOCS; from += BATCH) {
      const changes: DocumentChange[] = [];
      for (let i = from; i < Math.min(from + BATCH, DOCS); i++) {
        changes.push({ kind: 'put', collection: 'cases', id: `case-${i}`, doc: caseDoc(i) });
      }
      await store.applyBatch({ projection: 'bench', changes, checkpoint: String(from + BATCH) });
    }
    const writeMs = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      `applyBatch: ${DOCS} puts in ${writeMs.toFixed(0)} ms = ${Math.round((DOCS / writeMs) * 1000)} docs/s`,
    );

    started = process.hrtime.bigint();
    const QUERIES = 2_000;
    for (let q = 0; q < QUERIES; q++) {
      await store.find('cases', {
        filter: { workspaceId: `ws-${q % 50}` },
        sort: [{ field: 'openedAt', direction: 'desc' }],
        limit: 20,
      });
    }
    const readMs = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      `find (indexed filter + sort, 20 items): ${Math.round((QUERIES / readMs) * 1000)} queries/s`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

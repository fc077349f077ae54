import { MongoClient } from 'mongodb';
import { parsePosition } from '@hub/event-store';
import { MongoReadModelStore } from '@hub/read-store';
import { mongoUrl } from '@hub/testing/engines';
import { describeProcesses } from './processes.e2e-scenario';

// The same acceptance with the MongoDB read store (FerretDB here): the events stay in the
// DATA_DIR's SQLite file, the read models, checkpoints and leases live in one database.
const database = `hub_processes_${process.pid}_${Date.now()}`;

describeProcesses(
  'MongoDB read store',
  () => ({ READ_STORE: 'mongodb', MONGODB_URL: mongoUrl(), MONGODB_DATABASE: database }),
  async () => {
    const store = await MongoReadModelStore.connect(mongoUrl(), { database });
    return {
      leases: () => store.listLeases(),
      workflowCheckpoint: async () => {
        const saved = await store.getCheckpoint('follow-ups');
        return saved?.position ? parsePosition(saved.position) : null;
      },
      close: () => store.close(),
    };
  },
  async () => {
    const client = await MongoClient.connect(mongoUrl());
    try {
      await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  },
);

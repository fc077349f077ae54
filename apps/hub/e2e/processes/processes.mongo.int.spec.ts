import { MongoClient } from 'mongodb';
import { MongoReadModelStore } from '@hub/read-store';
import { mongoUrl } from '@hub/testing/engines';
import { describeProcesses } from './processes.e2e-scenario';

// The same acceptance with the MongoDB read store (FerretDB here): the events stay in the
// DATA_DIR's SQLite file, the read models, checkpoints and leases live in one database.
const database = `hub_processes_${process.pid}_${Date.now()}`;

describeProcesses(
  'MongoDB read store',
  () => ({ READ_STORE: 'mongodb', MONGODB_URL: mongoUrl(), MONGODB_DATABASE: database }),
  () => MongoReadModelStore.connect(mongoUrl(), { database }),
  async () => {
    const client = await MongoClient.connect(mongoUrl());
    try {
      await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  },
);

import { ReadModelStore } from '../read-model-store.port';
import { batches } from './batches.conformance';
import {
  ConformanceContext,
  MakeReadModelStore,
  ReadModelStoreHarness,
} from './conformance-harness';
import { documentRoundTrips } from './documents.conformance';
import { queries } from './queries.conformance';

/**
 * The one behaviour every `ReadModelStore` adapter must show, run against each engine so the
 * embedded and production stores cannot drift apart. One store per suite; every test writes
 * to collections of its own.
 */
export function describeReadModelStoreConformance(
  name: string,
  makeStore: MakeReadModelStore,
): void {
  describe(`ReadModelStore conformance: ${name}`, () => {
    let harness: ReadModelStoreHarness | undefined;
    let counter = 0;
    const ctx: ConformanceContext = {
      store(): ReadModelStore {
        if (!harness) throw new Error(`${name}: the store did not open (see beforeAll)`);
        return harness.store;
      },
      collection: (hint) => `t${++counter}_${hint}`,
    };

    beforeAll(async () => {
      harness = await makeStore();
    });
    afterAll(async () => {
      await harness?.dispose();
    });

    documentRoundTrips(ctx);
    queries(ctx);
    batches(ctx);
  });
}

export type { MakeReadModelStore, ReadModelStoreHarness } from './conformance-harness';

import { batches } from './batches.conformance';
import {
  ConformanceContext,
  LeasedReadModelStore,
  MakeReadModelStore,
  ReadModelStoreHarness,
} from './conformance-harness';
import { leases } from './leases.conformance';
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
    let clockMs = Date.parse('2026-01-01T00:00:00Z');
    const ctx: ConformanceContext = {
      store(): LeasedReadModelStore {
        if (!harness) throw new Error(`${name}: the store did not open (see beforeAll)`);
        return harness.store;
      },
      another: () => harness?.another,
      advance: (ms) => {
        clockMs += ms;
      },
      nowMs: () => clockMs,
      collection: (hint) => `t${++counter}_${hint}`,
    };

    beforeAll(async () => {
      harness = await makeStore({ now: () => clockMs });
    });
    afterAll(async () => {
      await harness?.dispose();
    });

    documentRoundTrips(ctx);
    queries(ctx);
    batches(ctx);
    leases(ctx);
  });
}

export type { MakeReadModelStore, ReadModelStoreHarness } from './conformance-harness';

import { EventStore } from '../event-store.port';
import { appendConformance } from './append.conformance';
import { chainConformance } from './chain.conformance';
import { MakeEventStore } from './conformance.fixtures';
import { readConformance } from './read.conformance';
import { subscribeConformance } from './subscribe.conformance';
import { unitsConformance } from './units.conformance';

/**
 * The one behaviour every `EventStore` adapter must show, run against each of them so the
 * embedded and the production engine cannot drift apart. Uses jest's globals.
 */
export function describeEventStoreConformance(name: string, makeStore: MakeEventStore): void {
  describe(`EventStore conformance: ${name}`, () => {
    let store: EventStore | undefined;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const current = (): EventStore => {
      if (!store) throw new Error('no store under test');
      return store;
    };
    appendConformance(current);
    readConformance(current);
    subscribeConformance(current);
    chainConformance(current);
    unitsConformance(current);
  });
}

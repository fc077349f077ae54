import { EventStore } from './event-store.port';

/** The arguments of one EventStore call, as the delegate receives them. */
type Args<K extends keyof EventStore> = Parameters<EventStore[K]>;

/**
 * An EventStore that hands every call to another one: the base of the decorators that change
 * only some calls (sealing personal data, timing appends), so each states just what it changes.
 */
export class DelegatingEventStore implements EventStore {
  constructor(readonly inner: EventStore) {}

  appendToStream(...args: Args<'appendToStream'>) {
    return this.inner.appendToStream(...args);
  }

  appendToStreams(...args: Args<'appendToStreams'>) {
    return this.inner.appendToStreams(...args);
  }

  readStream(...args: Args<'readStream'>) {
    return this.inner.readStream(...args);
  }

  readAll(...args: Args<'readAll'>) {
    return this.inner.readAll(...args);
  }

  subscribeToAll(...args: Args<'subscribeToAll'>) {
    return this.inner.subscribeToAll(...args);
  }

  headPosition() {
    return this.inner.headPosition();
  }

  countEventsAfter(...args: Args<'countEventsAfter'>) {
    return this.inner.countEventsAfter(...args);
  }

  ping() {
    return this.inner.ping();
  }

  close() {
    return this.inner.close();
  }
}

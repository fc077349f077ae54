import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { MemoryEventStore } from './memory-event-store';

// The test double of the port shows the same behaviour as the engines, crash-safe units included.
describeEventStoreConformance('MemoryEventStore', () => new MemoryEventStore());

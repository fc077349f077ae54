import { SubjectKeyStore } from '@hub/event-store';

/**
 * A key store in memory under a fixed master key, for tests and benches that run the write
 * side without the app: address keys (keyed hashes) are the same in every process that uses it,
 * as in a hub whose processes share one master key. Never for data that must stay private.
 */
export function testSubjectKeys(): SubjectKeyStore {
  return new SubjectKeyStore(':memory:', Buffer.alloc(32, 7));
}

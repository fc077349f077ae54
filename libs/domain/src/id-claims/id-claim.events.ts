import { DomainEvent } from '../shared';

/** The id of this kind now belongs to one owner stream (the first claim wins). */
export type IdClaimed = DomainEvent<
  'IdClaimed',
  { kind: string; id: string; ownerStream: string; claimedAt: string }
>;

/** Every fact of an `id-<kind>-<id>` stream. */
export type IdClaimEvent = IdClaimed;

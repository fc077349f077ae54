/**
 * Leases: each projection (and each workflow) is run by exactly one process at a time. A lease
 * names what is run, who runs it (`holder`, one per process) and until when; its fencing
 * `token` grows every time the lease changes hands, and a batch carrying a token that is no
 * longer the lease's is refused inside its commit, so a holder that stalled past its lease time
 * (a long GC pause, a frozen VM) cannot write over the process that took over.
 */
export interface Lease {
  name: string;
  holder: string;
  /** Grows by one each time the lease passes to another holder (or is taken after a release). */
  token: number;
  /** When it lapses unless renewed (milliseconds since the epoch, from the store's clock). */
  expiresAt: number;
}

/** The lease time when none is given: a standby takes over at most this long after a holder dies. */
export const DEFAULT_LEASE_MS = 10_000;

/** The fencing part of a batch: the lease it was computed under. */
export interface Fence {
  lease: string;
  token: number;
}

export interface LeaseStore {
  /**
   * Takes the lease for `holder` when it is free, lapsed or already `holder`'s (then renewed,
   * same token); null while another holder's lease runs.
   */
  acquireLease(name: string, holder: string, leaseMs?: number): Promise<Lease | null>;
  /** Extends a held lease; null when it has passed to another holder meanwhile (lost). */
  renewLease(lease: Lease, leaseMs?: number): Promise<Lease | null>;
  /** Gives the lease up (a standby may take it at once); nothing when it was lost already. */
  releaseLease(lease: Lease): Promise<void>;
  /** Every lease ever taken, held or not (who runs what, for GET /v1/projections). */
  listLeases(): Promise<Lease[]>;
}

/** A commit carried a fencing token that is no longer its lease's: another process took over. */
export class LeaseLostError extends Error {
  readonly code = 'LEASE_LOST';

  constructor(readonly fence: Fence) {
    super(`lease ${fence.lease} has passed on: token ${fence.token} is stale`);
    this.name = 'LeaseLostError';
  }
}

/** Whether an error (possibly rebuilt from another thread) is a lost lease. */
export function isLeaseLost(error: unknown): boolean {
  return (
    error instanceof LeaseLostError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { code?: unknown }).code === 'LEASE_LOST')
  );
}

/** The lease's state as stored; `holder` null once released. */
export interface StoredLease {
  holder: string | null;
  token: number;
  expiresAt: number;
}

/**
 * What acquiring does to the stored lease at `now` (pure, so both adapters share it): the new
 * state, or null when another holder's lease still runs.
 */
export function acquiredLease(
  current: StoredLease | null,
  holder: string,
  now: number,
  leaseMs: number,
): StoredLease | null {
  const expiresAt = now + validLeaseMs(leaseMs);
  if (!current) return { holder, token: 1, expiresAt };
  if (current.holder === holder) return { holder, token: current.token, expiresAt };
  if (current.holder !== null && current.expiresAt > now) return null;
  return { holder, token: current.token + 1, expiresAt };
}

export function validLeaseMs(leaseMs: number): number {
  if (!Number.isInteger(leaseMs) || leaseMs <= 0 || leaseMs > 3_600_000)
    throw new RangeError(`a lease time is a whole number of ms in (0, 1 h], not ${leaseMs}`);
  return leaseMs;
}

export function validLeaseName(name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_.:-]{1,200}$/.test(name))
    throw new RangeError(`invalid lease name ${JSON.stringify(name)}`);
  return name;
}

import { Collection, MongoServerError } from 'mongodb';
import {
  acquiredLease,
  DEFAULT_LEASE_MS,
  Fence,
  Lease,
  LeaseLostError,
  LeaseStore,
  validLeaseMs,
  validLeaseName,
} from '../lease.port';

export interface StoredLeaseDocument {
  _id: string;
  holder: string | null;
  token: number;
  expiresAt: number;
}

const DUPLICATE_KEY = 11000;

/**
 * Leases as documents of `<prefix>_leases`, changed by compare-and-set on the whole stored
 * state (one document, so atomic without transactions); the collection holds one document per
 * projection or workflow, so the conditions FerretDB evaluates by scanning cost nothing.
 */
export class MongoLeases implements LeaseStore {
  constructor(
    private readonly leases: Collection<StoredLeaseDocument>,
    private readonly now: () => number,
  ) {}

  async acquireLease(name: string, holder: string, leaseMs = DEFAULT_LEASE_MS) {
    const current = await this.leases.findOne({ _id: validLeaseName(name) });
    const next = acquiredLease(current, holder, this.now(), leaseMs);
    if (!next) return null;
    if (!current) {
      try {
        await this.leases.insertOne({ _id: name, ...next });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
        throw error;
      }
    } else {
      const { matchedCount } = await this.leases.updateOne(
        { _id: name, holder: current.holder, token: current.token, expiresAt: current.expiresAt },
        { $set: next },
      );
      if (matchedCount !== 1) return null;
    }
    return { name, holder, token: next.token, expiresAt: next.expiresAt };
  }

  async renewLease(lease: Lease, leaseMs = DEFAULT_LEASE_MS): Promise<Lease | null> {
    const expiresAt = this.now() + validLeaseMs(leaseMs);
    const { matchedCount } = await this.leases.updateOne(
      { _id: lease.name, holder: lease.holder, token: lease.token },
      { $set: { expiresAt } },
    );
    return matchedCount === 1 ? { ...lease, expiresAt } : null;
  }

  async releaseLease(lease: Lease): Promise<void> {
    await this.leases.updateOne(
      { _id: lease.name, holder: lease.holder, token: lease.token },
      { $set: { holder: null, expiresAt: 0 } },
    );
  }

  async listLeases(): Promise<Lease[]> {
    const stored = await this.leases.find({}).sort({ _id: 1 }).toArray();
    return stored
      .filter((lease) => lease.holder !== null)
      .map((lease) => ({
        name: lease._id,
        holder: lease.holder!,
        token: lease.token,
        expiresAt: lease.expiresAt,
      }));
  }

  /** Refuses a batch whose token is no longer its lease's (read by `_id`, before any write). */
  async checkFence(fence: Fence): Promise<void> {
    const stored = await this.leases.findOne({ _id: fence.lease });
    if (stored?.token !== fence.token) throw new LeaseLostError(fence);
  }
}

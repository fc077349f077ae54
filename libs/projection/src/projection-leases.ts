import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  DEFAULT_LEASE_MS,
  Fence,
  Lease,
  LeaseStore,
  ProjectionBatch,
  ReadModelStore,
} from '@hub/read-store';

/** How a runner shares its projections with other processes (each run by one at a time). */
export interface LeaseOptions {
  store: LeaseStore;
  /** This process, as other processes see it in GET /v1/projections. */
  holder: string;
  /** Default 10 s: a standby takes over at most this long after the holder stops renewing. */
  leaseMs?: number;
  /** How often leases are renewed and free ones sought (default a third of the lease time). */
  renewEveryMs?: number;
}

/** What the runner does when this process gains or loses a projection. */
export interface LeaseHandlers {
  run(name: string): Promise<void>;
  stop(name: string): Promise<void>;
}

/** The lease name of a projection. */
export const projectionLease = (name: string): string => `projection:${name}`;

/** This process, as GET /v1/projections names the holder of a lease. */
export function processHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function isLeaseStore(store: ReadModelStore): store is ReadModelStore & LeaseStore {
  const candidate = store as Partial<LeaseStore>;
  return typeof candidate.acquireLease === 'function' && typeof candidate.renewLease === 'function';
}

/**
 * Keeps this process's leases (projections', or the workflows' with their own `leaseName`): renews those it holds, stops a projection whose lease
 * passed to another process (its commits would be refused anyway: they carry the old token),
 * and takes free or lapsed ones, so a standby runs a projection within a lease time of its
 * holder dying.
 */
export class ProjectionLeases {
  private readonly held = new Map<string, Lease>();
  private readonly leaseMs: number;
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;

  constructor(
    private readonly options: LeaseOptions,
    private readonly names: readonly string[],
    private readonly handlers: LeaseHandlers,
    private readonly leaseName: (name: string) => string = projectionLease,
    private readonly logger = new Logger('ProjectionLeases'),
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Seeks leases now and then every `renewEveryMs`. */
  async begin(): Promise<void> {
    await this.tick();
    this.timer = setInterval(
      () => {
        this.ticking ??= this.tick()
          .catch((error: unknown) => this.logger.warn(`lease round failed: ${String(error)}`))
          .finally(() => (this.ticking = undefined));
      },
      this.options.renewEveryMs ?? Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    this.timer.unref();
  }

  /** The fence of the projection's current lease (undefined: not held here). */
  fence(name: string): Fence | undefined {
    const lease = this.held.get(name);
    return lease ? { lease: lease.name, token: lease.token } : undefined;
  }

  /** One round: renew what is held, stop what was lost, take what is free. */
  async tick(): Promise<void> {
    for (const name of this.names) {
      const lease = this.held.get(name);
      if (lease) {
        if (await this.options.store.renewLease(lease, this.leaseMs)) continue;
        this.held.delete(name);
        this.logger.warn(`${name}: lease lost to another process; stopping here`);
        await this.handlers.stop(name);
        continue;
      }
      const taken = await this.options.store.acquireLease(
        this.leaseName(name),
        this.options.holder,
        this.leaseMs,
      );
      if (!taken) continue;
      this.held.set(name, taken);
      this.logger.log(`${name}: lease taken (token ${taken.token}); running it here`);
      await this.handlers.run(name);
    }
  }

  /**
   * Whether this process still holds `name`'s lease, asked of the store (a renewal, which fails
   * once the token has moved on): the check a commit that the store cannot fence makes first.
   */
  async confirm(name: string): Promise<boolean> {
    const lease = this.held.get(name);
    if (!lease) return false;
    return (await this.options.store.renewLease(lease, this.leaseMs)) !== null;
  }

  /** Stops renewing and gives every lease up, so a standby takes over at once. */
  async end(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
    // Best effort: a store already closed (shutdown order) leaves the lease to lapse instead.
    for (const lease of this.held.values())
      await this.options.store.releaseLease(lease).catch(() => undefined);
    this.held.clear();
  }
}

/**
 * The read store as a projection's workers see it: every batch carries the fence of the lease
 * they were started under, so once the lease has passed on their commits are refused.
 */
export function fencedStore(store: ReadModelStore, fence: Fence): ReadModelStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'applyBatch')
        return (batch: ProjectionBatch) => target.applyBatch({ ...batch, fence });
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** The leases the store keeps, by name (none when it keeps no leases). */
export async function heldLeases(store: ReadModelStore): Promise<Map<string, Lease>> {
  const leases = store as Partial<LeaseStore>;
  if (typeof leases.listLeases !== 'function') return new Map();
  return new Map((await leases.listLeases()).map((lease) => [lease.name, lease]));
}

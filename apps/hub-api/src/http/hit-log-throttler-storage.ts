import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/** Read hits are dropped from the front of a log; the log is copied down once they are most of it. */
const COMPACT_AFTER = 1024;

/** One caller's hits under one throttler: when each expires, oldest first, from `head` on. */
interface HitLog {
  expiries: number[];
  head: number;
  /** When the window the `X-RateLimit-Reset` header counts down to ends. */
  windowEndsAt: number;
  blockedUntil: number | null;
}

/**
 * The throttle's memory: the answers of `@nestjs/throttler`'s own in-memory storage (a sliding
 * log of each hit's expiry; over the limit, blocked for `blockDuration`, then counted afresh),
 * at a constant cost per request. The library's storage copies a caller's whole log on every
 * request (a `filter` of up to `limit` expiries, then `Math.min` over them), so a generous limit
 * made every request pay for it. Callers idle past their last expiry are swept on the next
 * request that finds the sweep due.
 */
export class HitLogThrottlerStorage implements ThrottlerStorage {
  private readonly logs = new Map<string, HitLog>();
  private nextSweepAt = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = 60_000,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweep(now);
    const log = this.logOf(`${throttlerName}\u0000${key}`, now, ttl);
    dropExpired(log, now);
    if (log.windowEndsAt <= now) log.windowEndsAt = now + ttl;
    const timeToExpire = seconds(log.windowEndsAt - now);
    if (blockDuration <= 0) return this.countWithoutBlock(log, now, ttl, limit, timeToExpire);
    if (log.blockedUntil === null) log.expiries.push(now + ttl);
    if (log.blockedUntil === null && hits(log) > limit) log.blockedUntil = now + blockDuration;
    if (log.blockedUntil !== null && log.blockedUntil <= now) {
      // The block is over: this request starts a fresh count.
      log.blockedUntil = null;
      log.expiries = [now + ttl];
      log.head = 0;
    }
    return {
      totalHits: hits(log),
      timeToExpire,
      isBlocked: log.blockedUntil !== null,
      timeToBlockExpire: log.blockedUntil === null ? 0 : seconds(log.blockedUntil - now),
    };
  }

  private countWithoutBlock(
    log: HitLog,
    now: number,
    ttl: number,
    limit: number,
    timeToExpire: number,
  ): ThrottlerStorageRecord {
    const isBlocked = hits(log) >= limit;
    if (!isBlocked) log.expiries.push(now + ttl);
    const oldest = log.expiries[log.head];
    const untilOldestExpires = oldest === undefined ? timeToExpire : seconds(oldest - now);
    return {
      totalHits: hits(log) + (isBlocked ? 1 : 0),
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? untilOldestExpires : 0,
    };
  }

  private logOf(id: string, now: number, ttl: number): HitLog {
    let log = this.logs.get(id);
    if (!log) {
      log = { expiries: [], head: 0, windowEndsAt: now + ttl, blockedUntil: null };
      this.logs.set(id, log);
    }
    return log;
  }

  /** Forgets callers with no live hit, no running window and no block. */
  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + this.sweepEveryMs;
    for (const [id, log] of this.logs) {
      dropExpired(log, now);
      const idle = hits(log) === 0 && log.windowEndsAt <= now;
      if (idle && (log.blockedUntil === null || log.blockedUntil <= now)) this.logs.delete(id);
    }
  }
}

function hits(log: HitLog): number {
  return log.expiries.length - log.head;
}

/** Expiries are pushed in time order, so the expired ones are a prefix. */
function dropExpired(log: HitLog, now: number): void {
  const { expiries } = log;
  while (log.head < expiries.length && expiries[log.head] <= now) log.head += 1;
  if (log.head >= COMPACT_AFTER && log.head * 2 >= expiries.length) {
    log.expiries = expiries.slice(log.head);
    log.head = 0;
  }
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

import { ThrottlerStorageService } from '@nestjs/throttler';
import { HitLogThrottlerStorage } from './hit-log-throttler-storage';

/** A small deterministic generator, so a failing sequence can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Case {
  limit: number;
  ttl: number;
  blockDuration: number;
}

const CASES: Case[] = [
  { limit: 3, ttl: 1000, blockDuration: 1000 },
  { limit: 5, ttl: 1000, blockDuration: 2500 },
  { limit: 4, ttl: 2000, blockDuration: 0 },
  { limit: 1, ttl: 500, blockDuration: 300 },
];

describe('HitLogThrottlerStorage', () => {
  const start = Date.parse('2026-12-07T12:00:00Z');
  let clock = start;

  beforeEach(() => {
    clock = start;
    jest.useFakeTimers({ now: start });
  });

  afterEach(() => jest.useRealTimers());

  it.each(CASES)(
    'answers as @nestjs/throttler own storage does (limit $limit, ttl $ttl, block $blockDuration)',
    async ({ limit, ttl, blockDuration }) => {
      const library = new ThrottlerStorageService();
      const ours = new HitLogThrottlerStorage(() => clock);
      const random = generator(limit * 7919 + blockDuration);
      let blockedSeen = 0;
      for (let i = 0; i < 3000; i += 1) {
        // Bursts (many requests in the same millisecond) and pauses longer than the window.
        const pause = random() < 0.05 ? 3 * ttl : Math.floor(random() * random() * 400);
        clock += pause;
        jest.setSystemTime(clock);
        const key = `caller-${Math.floor(random() * 3)}`;
        const expected = await library.increment(key, ttl, limit, blockDuration, 'default');
        const actual = await ours.increment(key, ttl, limit, blockDuration, 'default');
        const step = `request ${i} at +${clock - start} ms for ${key}`;
        expect({ step, ...actual, timeToBlockExpire: 0 }).toEqual({
          step,
          ...expected,
          timeToBlockExpire: 0,
        });
        // Only a refusal's Retry-After reads timeToBlockExpire.
        if (expected.isBlocked) {
          blockedSeen += 1;
          expect({ step, retryAfter: actual.timeToBlockExpire }).toEqual({
            step,
            retryAfter: expected.timeToBlockExpire,
          });
        }
      }
      library.onApplicationShutdown();
      // The sequences reach the limit: refusals were compared, not only admissions.
      expect(blockedSeen).toBeGreaterThan(50);
    },
  );

  it('counts only the window’s hits under a generous limit, dropping the expired from the front', async () => {
    const ours = new HitLogThrottlerStorage(() => clock);
    for (let i = 0; i < 20_000; i += 1) {
      clock += i % 10 === 0 ? 1 : 0;
      const answer = await ours.increment('bench', 1000, 1_000_000, 1000, 'default');
      expect(answer.isBlocked).toBe(false);
    }
    // 2,000 ms went by: only the last second's hits are counted.
    const last = await ours.increment('bench', 1000, 1_000_000, 1000, 'default');
    expect(last.totalHits).toBe(10_000 + 1);
  });

  it('forgets callers whose hits, window and block are all over', async () => {
    const ours = new HitLogThrottlerStorage(() => clock, 60_000);
    for (let i = 0; i < 5; i += 1) await ours.increment(`caller-${i}`, 1000, 2, 1000, 'default');
    clock += 61_000;
    const answer = await ours.increment('caller-0', 1000, 2, 1000, 'default');
    expect(answer).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    expect((ours as unknown as { logs: Map<string, unknown> }).logs.size).toBe(1);
  });
});

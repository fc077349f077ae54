import { DEFAULT_LEASE_MS, Lease, LeaseLostError } from '../lease.port';
import { ConformanceContext } from './conformance-harness';

/** Leases and fencing: one holder at a time, and a lost lease cannot commit. */
export function leases(ctx: ConformanceContext): void {
  describe('leases', () => {
    const held = (lease: Lease | null): Lease => {
      if (!lease) throw new Error('expected the lease to be granted');
      return lease;
    };

    it('grants a free lease for the default 10 s, renews it for its holder and refuses it to another', async () => {
      const name = ctx.collection('lease_grant');
      const first = held(await ctx.store().acquireLease(name, 'p1'));
      expect(first).toEqual({
        name,
        holder: 'p1',
        token: 1,
        expiresAt: ctx.nowMs() + DEFAULT_LEASE_MS,
      });
      expect(DEFAULT_LEASE_MS).toBe(10_000);
      ctx.advance(9_000);
      expect(await ctx.store().acquireLease(name, 'p2')).toBeNull();
      const again = held(await ctx.store().acquireLease(name, 'p1', 3_000));
      expect(again).toEqual({ ...first, expiresAt: ctx.nowMs() + 3_000 });
      const listed = await ctx.store().listLeases();
      expect(listed.filter((lease) => lease.name === name)).toEqual([again]);
    });

    it('passes a lapsed lease to a standby with a higher token; the old holder can neither renew nor commit', async () => {
      const name = ctx.collection('lease_takeover');
      const c = ctx.collection('fenced_docs');
      const old = held(await ctx.store().acquireLease(name, 'p1', 1_000));
      await ctx.store().applyBatch({
        projection: name,
        checkpoint: '5',
        changes: [{ kind: 'put', collection: c, id: 'a', doc: { v: 'p1' } }],
        fence: { lease: name, token: old.token },
      });
      ctx.advance(1_000);
      const standby = held(await ctx.store().acquireLease(name, 'p2', 1_000));
      expect(standby.token).toBe(old.token + 1);
      expect(await ctx.store().renewLease(old)).toBeNull();
      await expect(
        ctx.store().applyBatch({
          projection: name,
          checkpoint: '9',
          changes: [
            { kind: 'put', collection: c, id: 'a', doc: { v: 'stale' } },
            { kind: 'put', collection: c, id: 'b', doc: { v: 'stale' } },
          ],
          fence: { lease: name, token: old.token },
        }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      expect(await ctx.store().get(c, 'a')).toEqual({ v: 'p1' });
      expect(await ctx.store().get(c, 'b')).toBeNull();
      expect((await ctx.store().getCheckpoint(name))?.position).toBe('5');
      await ctx.store().applyBatch({
        projection: name,
        checkpoint: '7',
        changes: [{ kind: 'put', collection: c, id: 'a', doc: { v: 'p2' } }],
        fence: { lease: name, token: standby.token },
      });
      expect(await ctx.store().get(c, 'a')).toEqual({ v: 'p2' });
      expect((await ctx.store().getCheckpoint(name))?.position).toBe('7');
    });

    it('refuses a fenced commit for a lease never granted', async () => {
      const name = ctx.collection('lease_none');
      await expect(
        ctx.store().applyBatch({
          projection: name,
          checkpoint: '1',
          changes: [],
          fence: { lease: name, token: 1 },
        }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      expect(await ctx.store().getCheckpoint(name)).toBeNull();
    });

    it('renews a lapsed lease nobody took, keeping its token', async () => {
      const name = ctx.collection('lease_renew');
      const lease = held(await ctx.store().acquireLease(name, 'p1', 1_000));
      ctx.advance(5_000);
      const renewed = held(await ctx.store().renewLease(lease, 2_000));
      expect(renewed).toEqual({ ...lease, expiresAt: ctx.nowMs() + 2_000 });
      expect(await ctx.store().acquireLease(name, 'p2')).toBeNull();
    });

    it('lets a standby take a released lease at once; a stale release changes nothing', async () => {
      const name = ctx.collection('lease_release');
      const first = held(await ctx.store().acquireLease(name, 'p1'));
      await ctx.store().releaseLease(first);
      expect((await ctx.store().listLeases()).some((lease) => lease.name === name)).toBe(false);
      const second = held(await ctx.store().acquireLease(name, 'p2'));
      expect(second.token).toBe(first.token + 1);
      await ctx.store().releaseLease(first);
      expect(await ctx.store().acquireLease(name, 'p3')).toBeNull();
      expect(held(await ctx.store().renewLease(second)).holder).toBe('p2');
    });

    it('grants a contested lease to exactly one of several holders at once', async () => {
      const name = ctx.collection('lease_race');
      const stores = [ctx.store(), ctx.another() ?? ctx.store()];
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => stores[i % 2].acquireLease(name, `p${i}`)),
      );
      const winners = answers.filter((lease): lease is Lease => lease !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0].token).toBe(1);
    });

    it('refuses invalid lease names and times', async () => {
      await expect(ctx.store().acquireLease('', 'p1')).rejects.toThrow(RangeError);
      await expect(ctx.store().acquireLease('ok', 'p1', 0)).rejects.toThrow(RangeError);
    });
  });
}

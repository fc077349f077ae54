import { DocumentChange, ProjectionBatch } from '../read-model-store.port';
import { ConformanceContext, snapshot } from './conformance-harness';

const put = (collection: string, id: string, doc: Record<string, unknown>): DocumentChange => ({
  kind: 'put',
  collection,
  id,
  doc,
});
const del = (collection: string, id: string): DocumentChange => ({
  kind: 'delete',
  collection,
  id,
});

/** applyBatch, checkpoints, and replay safety (the runner's crash recovery relies on it). */
export function batches(ctx: ConformanceContext): void {
  describe('batches and checkpoints', () => {
    it('applies puts and deletes across collections and records the checkpoint', async () => {
      const a = ctx.collection('batch_a');
      const b = ctx.collection('batch_b');
      const projection = `${a}_projection`;
      await ctx.store().put(b, 'old', { id: 'old' });
      const before = Date.now();
      await ctx.store().applyBatch({
        projection,
        checkpoint: '42',
        changes: [
          put(a, 'x', { id: 'x', n: 1 }),
          put(b, 'y', { id: 'y', nested: { ok: true } }),
          del(b, 'old'),
        ],
      });
      expect(await ctx.store().get(a, 'x')).toStrictEqual({ id: 'x', n: 1 });
      expect(await snapshot(ctx.store(), b)).toStrictEqual([{ id: 'y', nested: { ok: true } }]);
      const checkpoint = await ctx.store().getCheckpoint(projection);
      expect(checkpoint).toMatchObject({ projection, position: '42' });
      expect(Date.parse(checkpoint!.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('moves the checkpoint with each batch, also for an empty batch, and deletes it', async () => {
      const projection = ctx.collection('checkpoint_only');
      expect(await ctx.store().getCheckpoint(projection)).toBeNull();
      await ctx.store().applyBatch({ projection, checkpoint: '7', changes: [] });
      await ctx.store().applyBatch({ projection, checkpoint: '18446744073709551', changes: [] });
      expect((await ctx.store().getCheckpoint(projection))?.position).toBe('18446744073709551');
      await ctx.store().deleteCheckpoint(projection);
      await ctx.store().deleteCheckpoint(projection);
      expect(await ctx.store().getCheckpoint(projection)).toBeNull();
    });

    it('keeps the last change when a batch touches one document several times', async () => {
      const c = ctx.collection('batch_last_wins');
      await ctx.store().applyBatch({
        projection: c,
        checkpoint: '5',
        changes: [
          put(c, 'a', { v: 1 }),
          put(c, 'a', { v: 2 }),
          put(c, 'b', { v: 1 }),
          del(c, 'b'),
          del(c, 'c'),
          put(c, 'c', { v: 3 }),
        ],
      });
      expect(await snapshot(ctx.store(), c)).toStrictEqual([{ v: 2 }, { v: 3 }]);
    });

    it('gives the same documents when the same batch is applied twice', async () => {
      const c = ctx.collection('replay_same');
      await ctx.store().put(c, 'gone', { id: 'gone' });
      const batch: ProjectionBatch = {
        projection: c,
        checkpoint: '100',
        changes: [
          put(c, 'a', { id: 'a', v: 1 }),
          put(c, 'b', { id: 'b', list: [1, 2] }),
          del(c, 'gone'),
        ],
      };
      await ctx.store().applyBatch(batch);
      const once = await snapshot(ctx.store(), c);
      await ctx.store().applyBatch(batch);
      expect(await snapshot(ctx.store(), c)).toStrictEqual(once);
      expect(once).toStrictEqual([
        { id: 'a', v: 1 },
        { id: 'b', list: [1, 2] },
      ]);
      expect((await ctx.store().getCheckpoint(c))?.position).toBe('100');
    });

    it('does not let an older batch replayed after a newer one overwrite or delete newer documents', async () => {
      const c = ctx.collection('replay_older');
      const older: ProjectionBatch = {
        projection: c,
        checkpoint: '9',
        changes: [put(c, 'a', { v: 'old' }), del(c, 'b'), put(c, 'c', { v: 'old' })],
      };
      await ctx.store().applyBatch(older);
      // Positions compare as numbers, not as strings ("10" > "9").
      await ctx.store().applyBatch({
        projection: c,
        checkpoint: '10',
        changes: [put(c, 'a', { v: 'new' }), put(c, 'b', { v: 'new' })],
      });
      await ctx.store().applyBatch(older);
      expect(await ctx.store().get(c, 'a')).toStrictEqual({ v: 'new' });
      expect(await ctx.store().get(c, 'b')).toStrictEqual({ v: 'new' });
      expect(await ctx.store().get(c, 'c')).toStrictEqual({ v: 'old' });
    });

    it('applies batches over documents it prefetched, as the runner does, and skips a replay', async () => {
      const c = ctx.collection('prefetched');
      await ctx.store().put(c, 'old', { v: 'direct' });
      await ctx
        .store()
        .applyBatch({ projection: c, checkpoint: '4', changes: [put(c, 'kept', { v: 4 })] });
      expect(await ctx.store().getMany(c, ['old', 'kept', 'new', 'gone'])).toHaveLength(2);
      const batch: ProjectionBatch = {
        projection: c,
        checkpoint: '10',
        changes: [
          put(c, 'old', { v: 10 }),
          put(c, 'new', { v: 10 }),
          del(c, 'kept'),
          del(c, 'gone'),
        ],
      };
      await ctx.store().applyBatch(batch);
      const once = await snapshot(ctx.store(), c);
      expect(once).toEqual([{ v: 10 }, { v: 10 }]);
      await ctx.store().getMany(c, ['old', 'new', 'kept', 'gone']);
      await ctx.store().applyBatch(batch);
      await ctx.store().applyBatch({
        projection: c,
        checkpoint: '6',
        changes: [put(c, 'old', { v: 6 }), del(c, 'new')],
      });
      expect(await snapshot(ctx.store(), c)).toEqual(once);
    });

    it('does not overwrite a newer document another process wrote after this one prefetched it', async () => {
      const c = ctx.collection('prefetched_stale');
      const other = ctx.another();
      expect(await ctx.store().getMany(c, ['x', 'y'])).toEqual([]);
      await (other ?? ctx.store()).applyBatch({
        projection: `${c}_other`,
        checkpoint: '20',
        changes: [put(c, 'x', { v: 'newer' })],
      });
      if (!other) await ctx.store().getMany(c, ['x']); // one store: it saw its own write
      await ctx.store().applyBatch({
        projection: c,
        checkpoint: '10',
        changes: [put(c, 'x', { v: 'older' }), put(c, 'y', { v: 'older' })],
      });
      expect(await ctx.store().get(c, 'x')).toEqual({ v: 'newer' });
      expect(await ctx.store().get(c, 'y')).toEqual({ v: 'older' });
    });

    it("commits two processes' first checkpoints of one projection written at once (the outbox's, unfenced)", async () => {
      const other = ctx.another() ?? ctx.store();
      // Many fresh checkpoints raced at once: the first write of each is an insert from both.
      const names = Array.from({ length: 40 }, (_, i) => `${ctx.collection('first_race')}_${i}`);
      const results = await Promise.allSettled(
        names.flatMap((projection) => [
          ctx.store().applyBatch({ projection, checkpoint: '1', changes: [] }),
          other.applyBatch({ projection, checkpoint: '2', changes: [] }),
        ]),
      );
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      for (const projection of names)
        expect(['1', '2']).toContain((await ctx.store().getCheckpoint(projection))?.position);
    });

    it('lets a batch overwrite a document written directly by put', async () => {
      const c = ctx.collection('batch_after_put');
      await ctx.store().put(c, 'a', { v: 'direct' });
      await ctx
        .store()
        .applyBatch({ projection: c, checkpoint: '1', changes: [put(c, 'a', { v: 'batch' })] });
      expect(await ctx.store().get(c, 'a')).toStrictEqual({ v: 'batch' });
    });

    it('applies a large batch', async () => {
      const c = ctx.collection('batch_large');
      const changes = Array.from({ length: 600 }, (_, i) =>
        put(c, `d${i}`, { id: `d${i}`, i, group: `g${i % 10}`, payload: { text: 'x'.repeat(50) } }),
      );
      await ctx.store().applyBatch({ projection: c, checkpoint: '600', changes });
      expect(await ctx.store().count(c)).toBe(600);
      expect(await ctx.store().count(c, { group: 'g3' })).toBe(60);
    });

    it('skips every write of an older batch replayed over a newer one of many documents', async () => {
      // Dozens, not thousands: FerretDB 1.x scans the collection for every update statement.
      const c = ctx.collection('batch_rewrite');
      const older = Array.from({ length: 60 }, (_, i) =>
        put(c, `d${i}`, { id: `d${i}`, v: 'old' }),
      );
      const newer = older.map((ch) => put(c, ch.id, { id: ch.id, v: 'new' }));
      await ctx.store().applyBatch({ projection: c, checkpoint: '7', changes: older });
      await ctx.store().applyBatch({ projection: c, checkpoint: '8', changes: newer });
      await ctx.store().applyBatch({ projection: c, checkpoint: '7', changes: older });
      expect(await ctx.store().count(c, { v: 'new' })).toBe(60);
    });
  });
}

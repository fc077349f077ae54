import { ConformanceContext } from './conformance-harness';

const RICH = {
  id: 'rich-1',
  title: 'Überprüfung — 検査 ✓ 🚀',
  amount: 1234.5678,
  negative: -0.25,
  big: 2 ** 40,
  zero: 0,
  active: true,
  archived: false,
  closedAt: null,
  tags: ['a', 'b', 'ç'],
  // No arrays directly inside arrays: FerretDB 1.x, the MongoDB stand-in in tests, refuses them.
  rows: [{ cells: [1, 2] }, { cells: [3, 4.5] }],
  owner: { name: 'Ana', team: { id: 't1', members: [{ n: 1 }, { n: null }] } },
  empty: {},
  none: [],
};

/** get / put / delete / getMany round trips, exactly as put. */
export function documentRoundTrips(ctx: ConformanceContext): void {
  describe('documents', () => {
    it('returns a document exactly as it was put', async () => {
      const c = ctx.collection('round_trip');
      await ctx.store().put(c, RICH.id, RICH);
      expect(await ctx.store().get(c, RICH.id)).toStrictEqual(RICH);
    });

    it('answers null for a missing document and for a collection never written', async () => {
      expect(await ctx.store().get(ctx.collection('never'), 'x')).toBeNull();
      const c = ctx.collection('missing');
      await ctx.store().put(c, 'a', { id: 'a' });
      expect(await ctx.store().get(c, 'b')).toBeNull();
    });

    it('replaces, never merges, on a second put', async () => {
      const c = ctx.collection('replace');
      await ctx.store().put(c, 'a', { id: 'a', old: 1, shared: 'x' });
      await ctx.store().put(c, 'a', { id: 'a', shared: 'y' });
      expect(await ctx.store().get(c, 'a')).toStrictEqual({ id: 'a', shared: 'y' });
    });

    // Two processes' first put of one id at once (every process records which build each
    // projection serves on first sight): MongoDB's losing upsert collided on the _id (E11000).
    it('accepts puts of one new id at once, from concurrent writers, the last one winning', async () => {
      const c = ctx.collection('concurrent_put');
      for (let round = 0; round < 10; round += 1) {
        const id = `new-${round}`;
        const puts = Array.from({ length: 6 }, (_, n) => ({ id, n }));
        await Promise.all(puts.map((doc) => ctx.store().put(c, id, doc)));
        expect(puts).toContainEqual(await ctx.store().get(c, id));
      }
    });

    it('stores documents that do not carry their own id', async () => {
      const c = ctx.collection('no_id_field');
      await ctx.store().put(c, 'k1', { value: 1 });
      expect(await ctx.store().get(c, 'k1')).toStrictEqual({ value: 1 });
      expect((await ctx.store().find(c)).items).toStrictEqual([{ value: 1 }]);
    });

    it('deletes, and deleting a missing document is not an error', async () => {
      const c = ctx.collection('delete');
      await ctx.store().put(c, 'a', { id: 'a' });
      await ctx.store().delete(c, 'a');
      await ctx.store().delete(c, 'never-there');
      expect(await ctx.store().get(c, 'a')).toBeNull();
    });

    it('getMany returns the found documents in the order asked, once each', async () => {
      const c = ctx.collection('get_many');
      for (const id of ['a', 'b', 'c']) await ctx.store().put(c, id, { id, n: id.charCodeAt(0) });
      const docs = await ctx.store().getMany<{ id: string }>(c, ['c', 'missing', 'a', 'c']);
      expect(docs.map((d) => d.id)).toEqual(['c', 'a']);
      expect(await ctx.store().getMany(c, [])).toEqual([]);
    });

    it('drops a collection, which can then be written afresh', async () => {
      const c = ctx.collection('drop');
      await ctx.store().put(c, 'a', { id: 'a' });
      await ctx.store().ensureIndex(c, ['id']);
      await ctx.store().dropCollection(c);
      expect(await ctx.store().count(c)).toBe(0);
      expect(await ctx.store().get(c, 'a')).toBeNull();
      await ctx.store().put(c, 'b', { id: 'b' });
      expect(await ctx.store().count(c)).toBe(1);
      await ctx.store().dropCollection(ctx.collection('drop_never_created'));
    });

    it('answers ping', async () => {
      expect(await ctx.store().ping()).toBe(true);
    });
  });
}

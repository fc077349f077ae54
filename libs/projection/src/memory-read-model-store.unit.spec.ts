import { MemoryReadModelStore } from './memory-read-model-store';

describe('MemoryReadModelStore', () => {
  let store: MemoryReadModelStore;
  beforeEach(async () => {
    store = new MemoryReadModelStore();
    const docs = [
      { id: 'a', severity: 'A', minutes: 30, open: true, owner: { org: 'x' } },
      { id: 'b', severity: 'B', minutes: 10, open: false, owner: { org: 'y' } },
      { id: 'c', severity: 'A', minutes: 20, open: true, owner: { org: 'x' } },
      { id: 'd', severity: 'C', minutes: 20, open: true, owner: null },
      { id: 'e', severity: 'B', open: true },
    ];
    for (const doc of docs) await store.put('cases', doc.id, doc);
  });

  const ids = (items: { id?: unknown }[]) => items.map((item) => item.id);

  it('filters by equality, $in, ranges, dotted paths and null (missing counts as null)', async () => {
    expect(ids((await store.find('cases', { filter: { severity: 'A' } })).items)).toEqual([
      'a',
      'c',
    ]);
    expect(
      ids(
        (await store.find('cases', { filter: { severity: { $in: ['B', 'C'] }, open: true } }))
          .items,
      ),
    ).toEqual(['d', 'e']);
    expect(
      ids((await store.find('cases', { filter: { minutes: { $gte: 20, $lt: 30 } } })).items),
    ).toEqual(['c', 'd']);
    expect(ids((await store.find('cases', { filter: { 'owner.org': 'x' } })).items)).toEqual([
      'a',
      'c',
    ]);
    expect(ids((await store.find('cases', { filter: { minutes: null } })).items)).toEqual(['e']);
    // A range compares like types only: a string bound never matches a number.
    expect((await store.find('cases', { filter: { minutes: { $gt: '1' } } })).items).toEqual([]);
    expect(await store.count('cases', { open: true })).toBe(4);
  });

  it('sorts by several keys, breaking ties by id, missing values first ascending', async () => {
    const asc = await store.find('cases', { sort: [{ field: 'minutes', direction: 'asc' }] });
    expect(ids(asc.items)).toEqual(['e', 'b', 'c', 'd', 'a']);
    const mixed = await store.find('cases', {
      sort: [
        { field: 'severity', direction: 'desc' },
        { field: 'minutes', direction: 'asc' },
      ],
    });
    expect(ids(mixed.items)).toEqual(['d', 'e', 'b', 'c', 'a']);
  });

  it('pages with a cursor that survives inserts and deletes between pages', async () => {
    const sort = [{ field: 'minutes', direction: 'desc' as const }];
    const first = await store.find('cases', { sort, limit: 2 });
    expect(ids(first.items)).toEqual(['a', 'c']);
    await store.delete('cases', 'a');
    await store.put('cases', 'f', { id: 'f', minutes: 99 });
    const second = await store.find('cases', { sort, limit: 2, cursor: first.nextCursor });
    expect(ids(second.items)).toEqual(['d', 'b']);
    const last = await store.find('cases', { sort, limit: 2, cursor: second.nextCursor });
    expect(ids(last.items)).toEqual(['e']);
    expect(last.nextCursor).toBeUndefined();
  });

  it('applies a batch with its checkpoint and copies documents in and out', async () => {
    await store.applyBatch({
      projection: 'p_v1',
      changes: [
        { kind: 'put', collection: 'cases', id: 'z', doc: { id: 'z', tags: ['t'] } },
        { kind: 'delete', collection: 'cases', id: 'b' },
      ],
      checkpoint: '42',
    });
    expect((await store.getCheckpoint('p_v1'))?.position).toBe('42');
    expect(ids(await store.getMany('cases', ['b', 'z', 'a']))).toEqual(['z', 'a']);
    const z = await store.get<{ tags: string[] }>('cases', 'z');
    z!.tags.push('changed');
    expect(await store.get('cases', 'z')).toEqual({ id: 'z', tags: ['t'] });
    await store.dropCollection('cases');
    expect(await store.count('cases')).toBe(0);
  });
});

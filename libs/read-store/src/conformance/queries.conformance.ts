import { ValidationError } from '@hub/domain/shared';
import { Filter, SortKey } from '../read-model-store.port';
import { ReadStoreUsageError } from '../shared/identifiers';
import { ConformanceContext, expectedOrder, readAllPages } from './conformance-harness';

type Case = {
  id: string;
  status: string;
  priority: number | string;
  score: number;
  urgent: boolean | number;
  closedAt?: string | null;
  owner: { team: string };
};

const CASES: Case[] = [
  {
    id: 'c1',
    status: 'open',
    priority: 1,
    score: 0.5,
    urgent: true,
    closedAt: null,
    owner: { team: 'red' },
  },
  { id: 'c2', status: 'open', priority: 3, score: 1.25, urgent: false, owner: { team: 'blue' } },
  {
    id: 'c3',
    status: 'closed',
    priority: 2,
    score: 2.75,
    urgent: false,
    closedAt: '2024-03-01T00:00:00Z',
    owner: { team: 'red' },
  },
  {
    id: 'c4',
    status: 'closed',
    priority: 3,
    score: -1,
    urgent: true,
    closedAt: '2024-05-15T12:00:00Z',
    owner: { team: 'green' },
  },
  {
    id: 'c5',
    status: 'pending',
    priority: 5,
    score: 10,
    urgent: 1,
    closedAt: null,
    owner: { team: 'blue' },
  },
  {
    id: 'c6',
    status: 'open',
    priority: 'high',
    score: 3,
    urgent: 0,
    closedAt: '2023-12-31T23:59:59Z',
    owner: { team: 'red' },
  },
];

async function seed(ctx: ConformanceContext, hint: string): Promise<string> {
  const c = ctx.collection(hint);
  for (const doc of CASES) await ctx.store().put(c, doc.id, doc);
  return c;
}

const ids = (items: { id: string }[]) => items.map((d) => d.id).sort();

/** find / count / ensureIndex / cursors / identifier validation. */
export function queries(ctx: ConformanceContext): void {
  describe('queries', () => {
    let c: string;
    beforeAll(async () => {
      c = await seed(ctx, 'cases');
    });
    const found = async (filter: Filter) =>
      ids((await ctx.store().find<Case>(c, { filter })).items);

    it.each<[string, Filter, string[]]>([
      ['equal string', { status: 'open' }, ['c1', 'c2', 'c6']],
      ['equal number', { priority: 3 }, ['c2', 'c4']],
      ['equal decimal', { score: 1.25 }, ['c2']],
      ['equal true (not the number 1)', { urgent: true }, ['c1', 'c4']],
      ['equal false (not the number 0)', { urgent: false }, ['c2', 'c3']],
      ['equal number 1 (not true)', { urgent: 1 }, ['c5']],
      ['equal null (null or missing)', { closedAt: null }, ['c1', 'c2', 'c5']],
      ['dotted path', { 'owner.team': 'red' }, ['c1', 'c3', 'c6']],
      ['$in strings', { status: { $in: ['closed', 'pending'] } }, ['c3', 'c4', 'c5']],
      ['$in numbers', { priority: { $in: [1, 5] } }, ['c1', 'c5']],
      ['$in on a dotted path', { 'owner.team': { $in: ['green', 'blue'] } }, ['c2', 'c4', 'c5']],
      ['empty $in', { status: { $in: [] } }, []],
      ['$gt on numbers matches numbers only', { priority: { $gt: 2 } }, ['c2', 'c4', 'c5']],
      ['$gte / $lte on numbers', { priority: { $gte: 2, $lte: 3 } }, ['c2', 'c3', 'c4']],
      ['$lt on decimals', { score: { $lt: 1.25 } }, ['c1', 'c4']],
      ['$gte / $lt on strings', { closedAt: { $gte: '2024-01-01', $lt: '2024-05-01' } }, ['c3']],
      ['$lt on strings matches strings only', { priority: { $lt: 'zzz' } }, ['c6']],
      ['$gt on strings', { status: { $gt: 'open' } }, ['c5']],
      ['AND of conditions', { status: 'open', 'owner.team': 'red', score: { $gt: 1 } }, ['c6']],
    ])('filters by %s', async (_, filter, expected) => {
      expect(await found(filter)).toEqual(expected);
      expect(await ctx.store().count(c, filter)).toBe(expected.length);
    });

    it('counts a whole collection, and an empty one as 0', async () => {
      expect(await ctx.store().count(c)).toBe(CASES.length);
      expect(await ctx.store().count(ctx.collection('empty'))).toBe(0);
    });

    it.each<[string, SortKey[]]>([
      ['no sort: id order', []],
      ['one key asc', [{ field: 'score', direction: 'asc' }]],
      ['one key desc with nulls', [{ field: 'closedAt', direction: 'desc' }]],
      [
        'asc/desc mix',
        [
          { field: 'status', direction: 'asc' },
          { field: 'score', direction: 'desc' },
        ],
      ],
      [
        'desc/asc mix on a dotted path',
        [
          { field: 'owner.team', direction: 'desc' },
          { field: 'closedAt', direction: 'asc' },
        ],
      ],
    ])('sorts: %s, ties by id', async (_, sort) => {
      const items = (await ctx.store().find<Case>(c, { sort, filter: { score: { $gt: -100 } } }))
        .items;
      const flat = CASES.map((d) => ({ ...d, owner: undefined, 'owner.team': d.owner.team }));
      expect(items.map((d) => d.id)).toEqual(expectedOrder(flat, sort));
    });

    it('keeps working after ensureIndex, which is idempotent', async () => {
      await ctx.store().ensureIndex(c, ['status']);
      await ctx.store().ensureIndex(c, ['status']);
      await ctx.store().ensureIndex(c, ['owner.team', 'score']);
      await ctx.store().ensureIndex(c, ['owner.team', 'score']);
      expect(await found({ 'owner.team': 'red', score: { $gte: 0.5 } })).toEqual([
        'c1',
        'c3',
        'c6',
      ]);
      expect(await found({ status: 'closed' })).toEqual(['c3', 'c4']);
    });

    it('refuses a corrupt cursor and a cursor made for another sort', async () => {
      const sort: SortKey[] = [{ field: 'score', direction: 'asc' }];
      const page = await ctx.store().find(c, { sort, limit: 2 });
      expect(page.nextCursor).toEqual(expect.any(String));
      await expect(ctx.store().find(c, { sort, cursor: 'not-a-cursor' })).rejects.toThrow(
        ValidationError,
      );
      await expect(
        ctx
          .store()
          .find(c, { sort: [{ field: 'score', direction: 'desc' }], cursor: page.nextCursor }),
      ).rejects.toThrow(ValidationError);
    });

    it('refuses unsafe collection names, field paths and reserved keys', async () => {
      const s = ctx.store();
      for (const bad of [
        'Cases',
        '1cases',
        'a-b',
        'x"; drop table y; --',
        '',
        'a.b',
        'a'.repeat(64),
      ]) {
        await expect(s.get(bad, 'a')).rejects.toThrow(ReadStoreUsageError);
        await expect(s.put(bad, 'a', {})).rejects.toThrow(ReadStoreUsageError);
      }
      for (const bad of ["a') OR 1=1 --", 'a..b', '$where', 'a b', '.a', '_id', '_pos.x']) {
        await expect(s.find(c, { filter: { [bad]: 1 } })).rejects.toThrow(ReadStoreUsageError);
        await expect(s.find(c, { sort: [{ field: bad, direction: 'asc' }] })).rejects.toThrow(
          ReadStoreUsageError,
        );
        await expect(s.ensureIndex(c, [bad])).rejects.toThrow(ReadStoreUsageError);
      }
      await expect(s.find(c, { filter: { status: { $ne: 'x' } as never } })).rejects.toThrow(
        ReadStoreUsageError,
      );
      await expect(s.put(c, 'z', { _id: 'z' })).rejects.toThrow(ReadStoreUsageError);
      await expect(s.find(c, { limit: 0 })).rejects.toThrow(ReadStoreUsageError);
    });
  });

  describe('paging', () => {
    // 250 documents with many ties and some missing values, so only the id breaks most ties.
    const docs = Array.from({ length: 250 }, (_, i) => ({
      id: `doc-${String(i).padStart(3, '0')}`,
      group: ['alpha', 'beta', 'gamma', 'delta', 'epsilon'][i % 5],
      rank: i % 7 === 0 ? null : (i * 37) % 11,
      ratio: ((i * 13) % 4) / 4,
    }));
    let c: string;
    beforeAll(async () => {
      c = ctx.collection('paging');
      await ctx.store().applyBatch({
        projection: `${c}_seed`,
        checkpoint: '1',
        changes: docs.map((doc) => ({ kind: 'put', collection: c, id: doc.id, doc })),
      });
    });

    it.each<[string, SortKey[], number]>([
      ['id order', [], 23],
      ['asc with ties', [{ field: 'group', direction: 'asc' }], 17],
      ['desc with nulls', [{ field: 'rank', direction: 'desc' }], 19],
      ['asc with nulls', [{ field: 'rank', direction: 'asc' }], 31],
      [
        'asc/desc mix',
        [
          { field: 'group', direction: 'asc' },
          { field: 'rank', direction: 'desc' },
        ],
        13,
      ],
      [
        'desc/asc mix',
        [
          { field: 'ratio', direction: 'desc' },
          { field: 'rank', direction: 'asc' },
        ],
        7,
      ],
    ])('pages through every document exactly once: %s', async (_, sort, limit) => {
      const { ids: paged, pages } = await readAllPages(ctx.store(), c, { sort, limit });
      expect(paged).toEqual(expectedOrder(docs, sort));
      expect(pages).toBe(Math.ceil(docs.length / limit));
    });

    it('pages a filtered query, and a last full page has no next cursor', async () => {
      const filter: Filter = { group: { $in: ['beta', 'delta'] } };
      const sort: SortKey[] = [{ field: 'rank', direction: 'asc' }];
      const { ids: paged } = await readAllPages(ctx.store(), c, { sort, filter, limit: 10 });
      const expected = docs.filter((d) => d.group === 'beta' || d.group === 'delta');
      expect(paged).toEqual(expectedOrder(expected, sort));
      expect((await ctx.store().find(c, { filter, limit: 100 })).nextCursor).toBeUndefined();
    });
  });
}

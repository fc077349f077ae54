import { HeldDocuments } from './held-documents';
import { Projection } from './projection';
import { evolveEvents } from './projection-batch';
import { recordedEvents } from '@hub/testing/projection/projection-specs';

/** Adds each event's `n` to its stream's total; `Created` writes a fresh document unread. */
const totals: Projection = {
  name: 'totals',
  version: 1,
  handles: ['Added', 'Created'],
  collections: [{ name: 'totals' }],
  locate: (event) => [{ collection: 'totals', id: event.streamName }],
  evolve(docs, event) {
    const n = (event.data as { n: number }).n;
    if (event.type === 'Created') return docs.put('totals', event.streamName, { n });
    const doc = docs.get<{ n: number }>('totals', event.streamName);
    docs.put('totals', event.streamName, { ...doc, n: (doc?.n ?? 0) + n });
  },
};

const events = (...specs: [type: string, stream: string, n: number][]) =>
  recordedEvents(specs.map(([type, streamName, n]) => ({ type, streamName, data: { n } })));

describe('HeldDocuments', () => {
  it('holds a document written unread as its text', () => {
    const held = new HeldDocuments();
    evolveEvents(totals, 'p', held, events(['Created', 'a', 1]));
    expect(held.get('totals', 'a')).toBe('{"id":"a","n":1}');
    expect(held.characters).toBe('{"id":"a","n":1}'.length);
  });

  it('holds a document as an object once read, and serializes it once, at the commit', () => {
    const held = new HeldDocuments();
    held.set('totals', 'a', '{"id":"a","n":1}');
    const parse = jest.spyOn(JSON, 'parse');
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const { changes } = evolveEvents(
        totals,
        'p',
        held,
        events(['Added', 'a', 2], ['Added', 'a', 3], ['Added', 'a', 4]),
      );
      expect(parse).toHaveBeenCalledTimes(1);
      expect(changes).toEqual([
        { kind: 'putJson', collection: 'p_totals', id: 'a', json: '{"id":"a","n":10}' },
      ]);
      expect(stringify).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
      stringify.mockRestore();
    }
    expect(held.get('totals', 'a')).toEqual({ id: 'a', n: 10 });
  });

  it('freezes what it holds under test, so a projection changing a document in place fails', () => {
    const inPlace: Projection = {
      ...totals,
      evolve(docs, event) {
        const doc = docs.get<{ n: number }>('totals', event.streamName);
        if (!doc) return docs.put('totals', event.streamName, { n: 1 });
        doc.n += 1;
        docs.put('totals', event.streamName, doc);
      },
    };
    const held = new HeldDocuments();
    held.set('totals', 'a', '{"id":"a","n":1}');
    const batch = events(['Added', 'a', 1]);
    const { applied, failure } = evolveEvents(inPlace, 'p', held, batch);
    expect(applied).toBe(0);
    expect(failure?.error).toBeInstanceOf(TypeError);
    expect(held.get('totals', 'a')).toEqual({ id: 'a', n: 1 });
  });
});

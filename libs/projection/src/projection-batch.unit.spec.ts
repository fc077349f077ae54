import { RecordedEvent } from '@hub/event-store';
import { HeldDocuments } from './held-documents';
import { Projection } from './projection';
import { evolveEvents, evolveInto, locateAll } from './projection-batch';
import { recordedEvents } from '@hub/testing/projection/projection-specs';

/** Counts per stream; a `Boom` event writes two documents, then throws. */
const counter: Projection = {
  name: 'counter',
  version: 1,
  handles: ['Counted', 'Boom', 'Peek'],
  collections: [{ name: 'counts' }, { name: 'totals' }],
  locate: (event) =>
    event.type === 'Peek'
      ? []
      : [
          { collection: 'counts', id: event.streamName },
          { collection: 'totals', id: 'all' },
        ],
  evolve(docs, event) {
    if (event.type === 'Peek') {
      docs.get('counts', event.streamName);
      return;
    }
    const count = docs.get<{ n: number }>('counts', event.streamName)?.n ?? 0;
    docs.put('counts', event.streamName, { n: count + 1 });
    docs.put('totals', 'all', { n: (docs.get<{ n: number }>('totals', 'all')?.n ?? 0) + 1 });
    if (event.type === 'Boom') {
      docs.put('counts', event.streamName, { n: 99 });
      docs.put('counts', 'fresh', { n: 1 });
      expect(docs.get('counts', 'fresh')).toEqual({ id: 'fresh', n: 1 }); // its own write
      throw new Error('boom');
    }
  },
};

const events = (...specs: [type: string, stream: string][]): RecordedEvent[] =>
  recordedEvents(specs.map(([type, streamName]) => ({ type, streamName, data: {} })));

describe('evolving a batch of events', () => {
  it('undoes every write of an event whose evolve throws half-way, keeping those before it', () => {
    const held = new HeldDocuments();
    const batch = events(['Counted', 'a'], ['Counted', 'b'], ['Boom', 'a'], ['Counted', 'a']);
    const { applied, failure, changes } = evolveEvents(counter, 'p', held, batch);
    expect(applied).toBe(2);
    expect(failure?.event).toBe(batch[2]);
    expect((failure?.error as Error).message).toBe('boom');
    expect(changes.map((c) => [c.collection, c.id, c.kind === 'putJson' && c.json])).toEqual([
      ['p_counts', 'a', '{"id":"a","n":1}'],
      ['p_counts', 'b', '{"id":"b","n":1}'],
      ['p_totals', 'all', '{"id":"all","n":2}'],
    ]);
    expect(held.has('counts', 'fresh')).toBe(false);
    // An estimate of memory: every text held counts (objects as the text they were read from).
    const text = [...held.documents()].reduce((sum, [, , json]) => sum + json.length, 0);
    expect(held.characters).toBeGreaterThanOrEqual(text);
  });

  it('undoes a write over a fetched document back to the fetched document, unwritten', () => {
    const held = new HeldDocuments();
    held.set('counts', 'a', '{"id":"a","n":5}');
    held.set('totals', 'all', null);
    const batch = events(['Boom', 'a']);
    const { applied } = evolveInto(counter, held, batch, locateAll(counter, batch));
    expect(applied).toBe(0);
    expect(held.get('counts', 'a')).toEqual({ id: 'a', n: 5 });
    expect(held.get('totals', 'all')).toBeNull();
    expect(held.changes('p')).toEqual([]);
  });

  it('writes each document with its id, whether the evolve gave one, another or none', () => {
    const ids: Projection = {
      ...counter,
      locate: () => [],
      evolve(docs) {
        docs.put('counts', 'none', { n: 1 });
        docs.put('counts', 'empty', {});
        docs.put('counts', 'same', { id: 'same', n: 2 });
        docs.put('counts', 'other', { id: 'wrong', n: 3 });
      },
    };
    const { changes } = evolveEvents(ids, 'p', new HeldDocuments(), events(['Counted', 'a']));
    const parsed = changes.map((c) => c.kind === 'putJson' && JSON.parse(c.json));
    expect(parsed).toEqual([
      { id: 'none', n: 1 },
      { id: 'empty' },
      { id: 'same', n: 2 },
      { id: 'other', n: 3 },
    ]);
  });

  it('refuses a read of a document that locate did not return', () => {
    const batch = events(['Counted', 'a'], ['Peek', 'a']);
    const { applied, failure } = evolveEvents(counter, 'p', new HeldDocuments(), batch);
    expect(applied).toBe(1);
    expect((failure?.error as Error).message).toBe(
      'counter: evolve read counts/a, which locate did not return',
    );
  });
});

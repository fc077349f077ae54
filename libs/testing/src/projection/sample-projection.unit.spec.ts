import { expectIdempotent, givenEvents } from './projection-specs';
import { sampleProjection } from './sample-projection';

describe('the projection spec helpers, on the sample projection', () => {
  const history = [
    { type: 'ItemAdded', data: {}, streamName: 'a' },
    { type: 'ItemAdded', data: {}, streamName: 'b' },
    { type: 'ItemRenamed', data: {}, streamName: 'a' },
    { type: 'StreamClosed', data: {}, streamName: 'b' },
  ];

  it('given events, then documents', () => {
    givenEvents(sampleProjection(), history).then({
      streams: {
        a: {
          id: 'a',
          events: 2,
          lastType: 'ItemRenamed',
          lastRevision: 1,
          lastPosition: '3',
          version: 1,
        },
      },
      types: {
        ItemAdded: { id: 'ItemAdded', streams: ['a', 'b'] },
        ItemRenamed: { id: 'ItemRenamed', streams: ['a'] },
        StreamClosed: { id: 'StreamClosed', streams: ['b'] },
      },
    });
  });

  it('applying every event twice gives the same documents', () => {
    expectIdempotent(sampleProjection(), history);
  });

  it('catches a projection that counts a redelivered event twice', () => {
    const naive = sampleProjection();
    const counting = {
      ...naive,
      evolve: naive.evolve,
      locate: naive.locate,
    };
    counting.evolve = (docs, event) => {
      const doc = docs.get<{ n: number }>('streams', event.streamName);
      docs.put('streams', event.streamName, { n: (doc?.n ?? 0) + 1 });
    };
    expect(() => expectIdempotent(counting, history)).toThrow();
  });

  it('refuses a read of a document locate did not return', () => {
    const sneaky = { ...sampleProjection(), locate: () => [] };
    expect(() => givenEvents(sneaky, history).then({})).toThrow(/locate did not return/);
  });
});

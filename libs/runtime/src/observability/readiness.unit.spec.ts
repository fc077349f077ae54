import { assessReadiness, ReadinessInputs } from './readiness';

const healthy: ReadinessInputs = {
  engines: [
    { name: 'eventStore', up: true },
    { name: 'readStore', up: true },
  ],
  projections: [{ projection: 'customer-activity', events: 3, seconds: 0.2 }],
  maxLagEvents: 1000,
  contributors: [{ name: 'kafka', up: true, details: { assignment: { delivery: [0, 1] } } }],
};

describe('assessReadiness', () => {
  it('is ready when engines answer, projections are within the lag threshold and the consumer has partitions', () => {
    expect(assessReadiness(healthy)).toEqual({ ready: true, notReady: [] });
  });

  it('names every engine down, every projection too far behind and an unassigned consumer', () => {
    const readiness = assessReadiness({
      ...healthy,
      engines: [
        { name: 'eventStore', up: false },
        { name: 'readStore', up: true },
      ],
      projections: [
        { projection: 'customer-activity', events: 1001, seconds: 4 },
        { projection: 'cases', events: 1000, seconds: 1 },
      ],
      contributors: [{ name: 'kafka', up: true, details: { assignment: { delivery: [] } } }],
    });
    expect(readiness).toEqual({
      ready: false,
      notReady: [
        'eventStore: not reachable',
        'projection customer-activity: 1001 events behind (more than 1000)',
        'kafka: consumer has no partition assigned',
      ],
    });
  });

  it('counts a contributor that is down, and one reporting no assignment (ingest elsewhere) as ready', () => {
    const readiness = assessReadiness({
      ...healthy,
      contributors: [
        { name: 'kafka', up: false },
        { name: 'other', up: true, details: { state: 'ingest role off in this process' } },
      ],
    });
    expect(readiness.notReady).toEqual(['kafka: down']);
  });
});

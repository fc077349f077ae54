import { FakeClock } from '@hub/testing/fake-clock';
import { LifecycleLogger, ProjectorLog } from './projector-log';

/** Records each line with its level, as the projector's logger would print it. */
function recorder(): LifecycleLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (message) => lines.push(`log ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

describe('the projector lifecycle log', () => {
  const setup = () => {
    const clock = new FakeClock('2026-03-02T09:00:00.000Z');
    const logger = recorder();
    return { clock, logger, log: new ProjectorLog(logger, () => clock.now().getTime()) };
  };

  it('logs a catch-up from its start through its progress, with percent and time left, to live', () => {
    const { clock, logger, log } = setup();
    log.started('cases_v2_r1', 'rebuild', null, 50_000, 50_000);
    expect(log.progress('cases_v2_r1', 50_000, 50_000)).toMatchObject({
      percent: 0,
      etaSeconds: null,
    });
    clock.advance({ seconds: 5 });
    // 10,000 events in 5 s: 2,000 events/s, 40,000 left, 20 s.
    expect(log.progress('cases_v2_r1', 40_000, 50_000)).toEqual({
      percent: 20,
      remaining: 40_000,
      eventsPerSecond: 2000,
      etaSeconds: 20,
    });
    clock.advance({ seconds: 5 });
    // New events arrived meanwhile (the total grew): the rate counts what was applied.
    expect(log.progress('cases_v2_r1', 21_000, 51_000)).toMatchObject({
      percent: 58.8,
      eventsPerSecond: 3000,
      etaSeconds: 7,
    });
    expect(log.latest('cases_v2_r1')?.percent).toBe(58.8);
    clock.advance({ seconds: 7 });
    log.live('cases_v2_r1', '51000');
    expect(logger.lines).toEqual([
      'log cases_v2_r1: rebuild started from the start of the log, 50000 of 50000 events to apply',
      'log cases_v2_r1: rebuild 0% (0 of 50000 events), time left unknown',
      'log cases_v2_r1: rebuild 20% (10000 of 50000 events, 2000 events/s), about 20 s left',
      'log cases_v2_r1: rebuild 58.8% (30000 of 51000 events, 3000 events/s), about 7 s left',
      'log cases_v2_r1: caught up at position 51000 in 17.0 s; live',
    ]);
    expect(log.catchingUp('cases_v2_r1')).toBe(false);
    expect(log.progress('cases_v2_r1', 0, 51_000)).toBeUndefined();
  });

  it('counts the rate from where a resumed catch-up started, not from the start of the log', () => {
    const { clock, log } = setup();
    log.started('access_v3', 'build', '900', 1000, 10_000);
    clock.advance({ seconds: 2 });
    expect(log.progress('access_v3', 600, 10_000)).toMatchObject({
      percent: 94,
      eventsPerSecond: 200,
      etaSeconds: 3,
    });
  });

  it('logs the switch and a halt once, naming the failing event', () => {
    const { logger, log } = setup();
    log.started('cases_v2', 'build', '10', 5, 15);
    log.switched('cases', 'cases_v1', 'cases_v2', '15');
    const failure = {
      position: '12',
      type: 'CaseOpened',
      streamName: 'case-7',
      message: 'boom',
      attempts: 5,
      at: '2026-03-02T09:00:00.000Z',
    };
    log.halt('cases_v2', failure);
    log.halt('cases_v2', failure);
    log.halt('cases_v3', { ...failure, type: '', streamName: '', position: '' });
    expect(logger.lines.slice(1)).toEqual([
      'log cases: queries switched from cases_v1 to cases_v2 at position 15',
      'error cases_v2: halted at event 12 (CaseOpened on case-7) after 5 attempts: boom',
      'error cases_v3: halted at a store action at position none after 5 attempts: boom',
    ]);
    expect(log.catchingUp('cases_v2')).toBe(false);
  });
});

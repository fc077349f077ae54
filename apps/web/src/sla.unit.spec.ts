import { slaState } from './sla';

const open = {
  status: 'open' as const,
  initialResponseDueAt: '2026-09-01T12:00:00.000Z',
  respondedAt: null,
  responseTargetMet: null,
};

describe('slaState (the Cases page clock)', () => {
  it('counts down to the due time from the fields api.md has always had', () => {
    expect(slaState(open, new Date('2026-09-01T10:30:00.000Z'))).toEqual({
      breached: false,
      secondsLeft: 5400,
    });
  });

  it('marks a breach once the due time passed without a response', () => {
    expect(slaState(open, new Date('2026-09-01T12:00:01.000Z'))).toEqual({
      breached: true,
      secondsLeft: null,
    });
  });

  it('keeps a late first response as a breach, and stops the clock once answered', () => {
    const late = { ...open, respondedAt: '2026-09-01T12:30:00.000Z', responseTargetMet: false };
    expect(slaState(late, new Date('2026-09-02T00:00:00.000Z'))).toEqual({
      breached: true,
      secondsLeft: null,
    });
    const met = { ...open, respondedAt: '2026-09-01T11:00:00.000Z', responseTargetMet: true };
    expect(slaState(met, new Date('2026-09-02T00:00:00.000Z'))).toEqual({
      breached: false,
      secondsLeft: null,
    });
  });

  it("counts the hub's timeLeftBeforeBreachSeconds down from when it was read, and honours everBreached", () => {
    const fetchedAt = new Date('2026-09-01T08:00:00.000Z');
    const fromServer = { ...open, timeLeftBeforeBreachSeconds: 600 };
    expect(slaState(fromServer, new Date('2026-09-01T08:01:40.000Z'), fetchedAt)).toEqual({
      breached: false,
      secondsLeft: 500,
    });
    expect(slaState(fromServer, new Date('2026-09-01T08:10:00.000Z'), fetchedAt).breached).toBe(
      true,
    );
    const recorded = { ...open, everBreached: true, breachedAt: '2026-08-31T00:00:00.000Z' };
    expect(slaState(recorded, new Date('2026-09-01T08:00:00.000Z')).breached).toBe(true);
  });

  it("takes the hub's breached verdict, and a case closed unanswered after its target as breached", () => {
    const answered = { ...open, breached: true, timeLeftBeforeBreachSeconds: -30 };
    expect(slaState(answered, new Date('2026-09-01T12:00:30.000Z')).breached).toBe(true);
    const closedLate = { ...open, status: 'closed' as const, closedAt: '2026-09-01T13:00:00.000Z' };
    expect(slaState(closedLate, new Date('2026-09-02T00:00:00.000Z'))).toEqual({
      breached: true,
      secondsLeft: null,
    });
    const closedInTime = { ...closedLate, closedAt: '2026-09-01T11:00:00.000Z' };
    expect(slaState(closedInTime, new Date('2026-09-02T00:00:00.000Z')).breached).toBe(false);
  });
});

import { Decider, DomainEvent, deterministicId, fold } from '@hub/domain';
import { Notification } from '@hub/application/notifications/notification';
import { TIMER_DECIDERS, Timer } from '@hub/application/schedule/timer';
import { timerContext } from '@hub/application/schedule/schedule-clock';
import { Workflow, WorkflowEvent, WorkflowReads } from '@hub/application/workflows/workflow';
import { FakeClock } from './fake-clock';
import { recorded } from './workflow-given-when-then';

/** A fact recorded on a stream before (or between) the clock's moves. */
export interface OnStream {
  stream: string;
  event: DomainEvent;
}

/** A fact on its stream, for `given` and `when`. */
export const on = (stream: string, event: DomainEvent): OnStream => ({ stream, event });

/** The fake clock set at an instant: the schedule fires what is due at or before it. */
export const clockAt = (instant: string): FakeClock => new FakeClock(instant);

/** The facts recorded so far, folded by a decider (for reads that derive from the log). */
export interface ClockStreams {
  fold<S>(
    stream: string,
    decider: Pick<Decider<never, DomainEvent, S>, 'initialState' | 'evolve'>,
  ): S;
  events(stream: string): DomainEvent[];
}

type Decided = Decider<unknown, DomainEvent, unknown>;

/**
 * Given / when / then for the time workflows (style.md), with a fake clock:
 *   onTheClock(workflows).given(on(stream, fact)).when(clockAt(t), on(stream, later), …)
 *     .then([facts the clock recorded]) / .thenNotified([{ kind, to }])
 * (each `then…` answers a promise: await it). The workflows react to every fact (theirs and the clock's), putting due times on an in-memory
 * schedule and cancelling them; each `clockAt` fires what is due by then, earliest first, through
 * the timer's decider on the stream's facts. After every move each fired due time is fired once
 * more (a retry, a restart, a second process): a fact recorded twice shows up in `then`.
 */
export function onTheClock(
  workflows: readonly Workflow<any, any>[],
  reads: (streams: ClockStreams) => Partial<WorkflowReads> = () => ({}),
) {
  return {
    given: (...facts: OnStream[]) => ({
      when: (...moves: (OnStream | FakeClock)[]) => {
        const outcome = run(workflows, reads, facts, moves);
        return {
          /** The clock's facts, in the order recorded (each compared by type and data). */
          async thenRecords(expected: DomainEvent[]): Promise<Outcome> {
            const done = await outcome;
            expect(done.facts.map(({ type, data }) => ({ type, data }))).toEqual(expected);
            return done;
          },
          /** The notifications the clock's facts sent, each matched on the fields given. */
          async thenNotifies(
            expected: (Partial<Omit<Notification, 'kind'>> & { kind?: string })[],
          ): Promise<Outcome> {
            const done = await outcome;
            expect(done.notified).toEqual(expected.map((n) => expect.objectContaining(n)));
            return done;
          },
          outcome,
        };
      },
    }),
  };
}

async function run(
  workflows: readonly Workflow<any, any>[],
  makeReads: (streams: ClockStreams) => Partial<WorkflowReads>,
  facts: OnStream[],
  moves: (OnStream | FakeClock)[],
): Promise<Outcome> {
  const log = new Map<string, WorkflowEvent[]>();
  const schedule = new Map<string, Timer>();
  const fired: Timer[] = [];
  const byClock: DomainEvent[] = [];
  const notified: Notification[] = [];
  const streams: ClockStreams = {
    events: (stream) => (log.get(stream) ?? []).map(({ type, data }) => ({ type, data })),
    fold: (stream, decider) => fold(decider, streams.events(stream)),
  };
  const reads = makeReads(streams) as WorkflowReads;

  const record = async (stream: string, event: WorkflowEvent) => {
    log.set(stream, [...(log.get(stream) ?? []), event]);
    for (const workflow of workflows) {
      if (!(workflow.handles as readonly string[]).includes(event.type)) continue;
      const state = workflow.read ? await workflow.read(event, reads) : undefined;
      for (const step of workflow.react(event, state)) {
        if (step.kind === 'schedule') schedule.set(step.timer.key, step.timer);
        if (step.kind === 'cancel') {
          for (const [key, timer] of schedule) if (timer.owner === step.owner) schedule.delete(key);
        }
        if (step.kind === 'notify') notified.push(step.notification);
      }
    }
  };
  const fire = async (timer: Timer) => {
    const decider = TIMER_DECIDERS[timer.decider] as unknown as Decided;
    const state = fold(decider, streams.events(timer.stream));
    const context = timerContext(timer);
    const decided = decider.decide(timer.command, state);
    for (const [index, event] of decided.entries()) {
      byClock.push(event);
      const eventId = deterministicId(context.commandId, String(index));
      await record(timer.stream, { ...recorded(event, timer.stream, eventId) });
    }
    if (schedule.get(timer.key)?.dueAt === timer.dueAt) schedule.delete(timer.key);
  };
  const tick = async (now: Date) => {
    for (;;) {
      const due = [...schedule.values()]
        .filter((timer) => Date.parse(timer.dueAt) <= now.getTime())
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      if (due.length === 0) break;
      for (const timer of due) {
        fired.push(timer);
        await fire(timer);
      }
    }
    for (const timer of [...fired]) await fire(timer);
  };

  let n = 0;
  const given = async (fact: OnStream) =>
    record(fact.stream, recorded(fact.event, fact.stream, `given-${(n += 1)}`));
  for (const fact of facts) await given(fact);
  for (const move of moves) {
    if (move instanceof FakeClock) await tick(move.now());
    else await given(move);
  }
  return { facts: byClock, notified, pending: [...schedule.values()] };
}

/** What a timeline left: the clock's facts, the notifications, the due times still pending. */
export interface Outcome {
  facts: DomainEvent[];
  notified: Notification[];
  pending: Timer[];
}

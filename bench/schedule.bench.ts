// The durable schedule at scale: `npm run bench:schedule [-- --pending N --fire M --commands K]`.
// 1,000,000 pending due times (a mix of case targets, GDAP notices and package notices spread
// over a year) in the SQLite read store; measures start-up to ready (open the stores and answer
// the first "what is due" page), the schedule's memory (process RSS and heap over the pass),
// firing M due case breaches through the real clock (executor, deciders, workflows), and one
// ordinary command (open a case, which puts its three due times) with the schedule empty and
// with it full, in the same run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseId, Clock, UserId, WorkspaceId } from '@hub/domain';
import { Timer } from '@hub/application/schedule/timer';
import { caseDecider, caseStream } from '@hub/domain/cases/case.decider';
import { NO_STREAM, SqliteEventStore, SubjectKeyStore } from '@hub/event-store';
import { DocumentChange, SqliteReadModelStore } from '@hub/read-store';
import { CommandExecutor } from '@hub/application/execution/command-executor';
import { CustomerIndex } from '@hub/application/indexes/customer-index';
import { IdClaims } from '@hub/application/indexes/id-claims';
import { SCHEDULE_COLLECTION, Schedule } from '@hub/application/schedule/schedule';
import { ScheduleClock } from '@hub/application/schedule/schedule-clock';
import { Recipients } from '@hub/application/workflows/recipients';
import { WorkflowRunner } from '@hub/application/workflows/workflow-runner';
import { Workflows } from '@hub/application/workflows/workflows';
import { ALL_WORKFLOWS } from '@hub/application/workflows/workflows.list';

import { opened, pendingTimer } from './schedule-workload';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PENDING = arg('pending', 1_000_000);
const FIRE = arg('fire', 20_000);
const COMMANDS = arg('commands', 2_000);
const NOW = Date.parse('2026-03-02T09:00:00.000Z');

const dir = mkdtempSync(join(tmpdir(), 'hub-bench-schedule-'));
const mb = (bytes: number) => Math.round(bytes / 1048576);
const gc = () => (global as { gc?: () => void }).gc?.();

class StillClock implements Clock {
  constructor(public instant = NOW) {}
  now(): Date {
    return new Date(this.instant);
  }
}

interface Hub {
  events: SqliteEventStore;
  store: SqliteReadModelStore;
  schedule: Schedule;
  executor: CommandExecutor;
  workflows: Workflows;
  clock: ScheduleClock;
}

function hub(file: string): Hub {
  const events = new SqliteEventStore({ file: join(dir, `${file}-events.sqlite`) });
  const store = new SqliteReadModelStore({ file: join(dir, `${file}-read.sqlite`) });
  const executor = new CommandExecutor(events);
  const schedule = new Schedule(store);
  const keys = new SubjectKeyStore(join(dir, `${file}-keys.sqlite`), randomBytes(32));
  const index = new CustomerIndex(executor, keys);
  const recipients = new Recipients(executor, index, events);
  const workflows = new Workflows(
    ALL_WORKFLOWS,
    executor,
    new IdClaims(executor),
    index,
    schedule,
    recipients,
    keys,
  );
  // The bench derives nothing from the log in the background: the runner is always caught up.
  const runner = { caughtUp: async () => true } as unknown as WorkflowRunner;
  const clock = new ScheduleClock(schedule, executor, workflows, runner, new StillClock(), 60_000);
  return { events, store, schedule, executor, workflows, clock };
}

async function seedPending(target: Hub, count: number): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < count; from += 10_000) {
    const changes: DocumentChange[] = [];
    for (let n = from; n < Math.min(count, from + 10_000); n += 1) {
      const timer = pendingTimer(n);
      changes.push({
        kind: 'put',
        collection: SCHEDULE_COLLECTION,
        id: timer.key,
        doc: { ...timer },
      });
    }
    await target.store.applyBatch({ projection: 'bench-seed', changes, checkpoint: String(from) });
  }
  await target.store.ensureIndex(SCHEDULE_COLLECTION, ['dueAt']);
  await target.store.ensureIndex(SCHEDULE_COLLECTION, ['owner']);
  return (performance.now() - started) / 1000;
}

/** `count` open cases whose targets fell due before now, with their breaches on the schedule. */
async function seedDue(target: Hub, count: number): Promise<void> {
  for (let from = 0; from < count; from += 1_000) {
    const parts = [];
    const changes: DocumentChange[] = [];
    for (let n = from; n < Math.min(count, from + 1_000); n += 1) {
      const caseId = `due-case-${n}`;
      const dueAt = new Date(NOW - 60_000 - n).toISOString();
      const openedAt = new Date(NOW - 4 * 3_600_000 - n).toISOString();
      parts.push({
        stream: caseStream(caseId as CaseId),
        events: [opened(caseId, openedAt, dueAt)],
        expectedRevision: NO_STREAM,
      });
      const timer: Timer = {
        key: `case-target:${caseId}:100`,
        owner: `case-target:${caseId}`,
        dueAt,
        decider: 'case',
        stream: caseStream(caseId as CaseId),
        command: { type: 'BreachCaseTarget', caseId, initialResponseDueAt: dueAt, at: dueAt },
      };
      changes.push({
        kind: 'put',
        collection: SCHEDULE_COLLECTION,
        id: timer.key,
        doc: { ...timer },
      });
    }
    await target.events.appendToStreams(parts);
    await target.store.applyBatch({ projection: 'bench-seed', changes, checkpoint: String(from) });
  }
}

/** Median milliseconds of one ordinary command: open a case (its three due times go on the schedule). */
async function commandCost(target: Hub, label: string, count: number): Promise<number> {
  const samples: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const caseId = `${label}-cmd-${n}` as CaseId;
    const at = new Date(NOW + n).toISOString();
    const started = performance.now();
    const result = await target.executor.execute({
      stream: caseStream(caseId),
      decider: caseDecider,
      context: {
        commandId: `${label}-${n}`,
        correlationId: `${label}-${n}`,
        actor: { userId: 'u-1' },
        source: 'bench',
        occurredAt: at,
      },
      command: () => ({
        type: 'OpenCase' as const,
        caseId,
        workspaceId: 'bench-ws' as WorkspaceId,
        severity: 'B' as const,
        caseType: 'problem-resolution' as const,
        product: 'Azure',
        title: 'bench',
        workspaceMemberUserIds: ['u-1' as UserId],
        callerIsWorkspaceAdministrator: false,
        at,
        by: { userId: 'u-1' as UserId, providerRoles: [] },
      }),
    });
    await target.workflows.complete(result.stream, result.appended);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function main(): Promise<void> {
  console.log(
    `schedule bench: ${PENDING} pending, ${FIRE} due, ${COMMANDS} commands per condition`,
  );
  const empty = hub('empty');

  const full = hub('full');
  const seeded = await seedPending(full, PENDING);
  await seedDue(full, FIRE);
  console.log(`seeded ${PENDING + FIRE} due times in ${seeded.toFixed(1)} s`);
  await full.store.close();
  await full.events.close();

  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const restarted = hub('full');
  const firstPage = await restarted.schedule.due(new Date(NOW), 500);
  const ready = (performance.now() - started) / 1000;
  const total = await restarted.schedule.count();
  gc();
  const after = process.memoryUsage();
  console.log(
    `start-up to ready: ${ready.toFixed(3)} s (first due page ${firstPage.length}, ${total} pending)`,
  );
  console.log(
    `schedule memory: rss +${mb(after.rss - before.rss)} MB, heap +${mb(after.heapUsed - before.heapUsed)} MB`,
  );

  // The machine is shared: besides the wall clock, the process's own CPU time (every thread,
  // the store's writer too) says what firing costs whatever else runs beside it.
  const fireStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  const fired = await restarted.clock.fireDue();
  const fireSeconds = (performance.now() - fireStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `fired ${fired} facts in ${fireSeconds.toFixed(2)} s: ${Math.round(fired / fireSeconds)} facts/s ` +
      `(CPU ${cpuSeconds.toFixed(2)} s: ${Math.round(fired / cpuSeconds)} facts per CPU-second)`,
  );
  const again = await restarted.clock.fireDue();
  const breaches = await restarted.events.readAll({
    filter: { eventTypes: ['CaseTargetBreached'] },
  });
  console.log(`a second pass recorded ${again}; ${breaches.length} breaches in the log`);

  // Interleaved rounds, so warm-up and disk state weigh on both conditions alike.
  const emptyCosts: number[] = [];
  const fullCosts: number[] = [];
  for (let round = 0; round < 4; round += 1) {
    emptyCosts.push(await commandCost(empty, `empty-${round}`, COMMANDS / 4));
    fullCosts.push(await commandCost(restarted, `full-${round}`, COMMANDS / 4));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const emptyCost = median(emptyCosts.slice(1));
  const fullCost = median(fullCosts.slice(1));
  console.log(
    `ordinary command (open a case + its due times), median: empty schedule ${emptyCost.toFixed(3)} ms, ` +
      `${total} pending ${fullCost.toFixed(3)} ms`,
  );
  await restarted.store.close();
  await restarted.events.close();
  await empty.store.close();
  await empty.events.close();
  rmSync(dir, { recursive: true, force: true });
}

void main().catch((error) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});

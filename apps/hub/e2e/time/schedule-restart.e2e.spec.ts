import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEDULE_COLLECTION } from '@hub/application/schedule/schedule';
import { SqliteReadModelStore } from '@hub/read-store';
import { eventually } from '@hub/testing';
import { FakeClock } from '@hub/testing/fake-clock';
import { Fixtures } from '../hub.fixtures';
import { TestHub } from '../test-hub';
import { facts, fireDue, hubWithClock } from './time.fixtures';

const OPENED = '2026-03-02T09:00:00.000Z';
const TIME_FACTS = ['CaseTargetWarned', 'CaseTargetBreached'];

/** The clock's facts of one case, as `type percent` lines (each should appear once). */
async function caseFacts(hub: TestHub, caseId: string): Promise<string[]> {
  const all = (await Promise.all(TIME_FACTS.map((type) => facts(hub, type)))).flat();
  return all
    .filter((e) => e.data.caseId === caseId)
    .map((e) => `${e.type} ${e.data.percent ?? 100}`)
    .sort();
}

/** The whole outbox, as the mail service pages it. */
async function outbox(hub: TestHub): Promise<any[]> {
  const service = new Fixtures(hub).service;
  const all: any[] = [];
  for (let after = 0; ;) {
    const page = await hub.call('GET', `/v1/notifications/outbox?after=${after}&limit=100`, {
      token: service,
    });
    expect(page.status).toBe(200);
    all.push(...page.body.notifications);
    if (Number(page.body.cursor) === after) return all;
    after = Number(page.body.cursor);
  }
}

const ALL_THREE = ['CaseTargetBreached 100', 'CaseTargetWarned 50', 'CaseTargetWarned 75'];

/** A customer, a workspace and a member who opens a severity B case at 09:00 (due 13:00). */
async function openCase(hub: TestHub, clock: FakeClock): Promise<string> {
  clock.set(OPENED);
  const f = new Fixtures(hub);
  const { agreementId } = await f.customer();
  const { workspaceId, admin } = await f.administeredWorkspace(agreementId);
  const opener = await f.member(workspaceId, f.tokenOf(admin), 'opener');
  const body = await f.ok('POST', '/v1/cases', f.tokenOf(opener), {
    workspaceId,
    severity: 'B',
    type: 'problem-resolution',
    product: 'Azure Virtual Machines',
    title: 'VMs do not start',
  });
  return body.caseId;
}

describe('the schedule survives restarts and a second workflows process', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hub-schedule-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('what fell due while the hub was down fires once at start-up; starting again records nothing more', async () => {
    const clock = new FakeClock(OPENED);
    const first = await hubWithClock(clock, { DATA_DIR: dataDir });
    const caseId = await openCase(first, clock);
    await first.stop();

    clock.set('2026-03-02T14:00:00.000Z'); // past 50%, 75% and the breach while down
    const second = await hubWithClock(clock, { DATA_DIR: dataDir });
    await eventually('the start-up pass', async () =>
      (await caseFacts(second, caseId)).length === 3 ? true : undefined,
    );
    expect(await caseFacts(second, caseId)).toEqual(ALL_THREE);
    await second.stop();

    const third = await hubWithClock(clock, { DATA_DIR: dataDir });
    await fireDue(third);
    await fireDue(third);
    expect(await caseFacts(third, caseId)).toEqual(ALL_THREE);
    await third.stop();
  });

  it('a store whose schedule is empty (written before it existed, or lost) gets its due times derived from the log at start-up', async () => {
    const clock = new FakeClock(OPENED);
    const first = await hubWithClock(clock, { DATA_DIR: dataDir });
    const caseId = await openCase(first, clock);
    await first.stop();
    // As a store of an older version stands: the facts, and no schedule at all.
    const readStore = new SqliteReadModelStore({ file: join(dataDir, 'read-models.sqlite') });
    await readStore.dropCollection(SCHEDULE_COLLECTION);
    await readStore.close();

    clock.set('2026-03-02T14:00:00.000Z');
    const second = await hubWithClock(clock, { DATA_DIR: dataDir });
    await eventually('the derived due times to fire', async () =>
      (await caseFacts(second, caseId)).length === 3 ? true : undefined,
    );
    await fireDue(second);
    expect(await caseFacts(second, caseId)).toEqual(ALL_THREE);
    await second.stop();

    const third = await hubWithClock(clock, { DATA_DIR: dataDir });
    await fireDue(third);
    expect(await caseFacts(third, caseId)).toEqual(ALL_THREE);
    await third.stop();
  });

  it('two workflows processes on one store fire each due time once', async () => {
    const clock = new FakeClock(OPENED);
    const one = await hubWithClock(clock, { DATA_DIR: dataDir });
    const two = await hubWithClock(clock, { DATA_DIR: dataDir });
    try {
      const caseId = await openCase(one, clock);
      await eventually(
        'the second process derived the schedule',
        async () => (await two.allEvents()).some((e) => e.data.caseId === caseId) || undefined,
      );
      clock.set('2026-03-02T14:00:00.000Z');
      await Promise.all([fireDue(one), fireDue(two), fireDue(one), fireDue(two)]);
      expect(await caseFacts(one, caseId)).toEqual(ALL_THREE);
      expect(await caseFacts(two, caseId)).toEqual(ALL_THREE);
      // Both processes told the same people of the same facts: the outbox holds each notice
      // once (two warnings and the breach, to two people each); a sequence both took would have
      // lost one of them.
      await Promise.all([fireDue(one), fireDue(two)]);
      const entries = await outbox(one);
      const notices = entries.filter((n) => n.data.caseId === caseId);
      expect(notices).toHaveLength(6);
      expect(new Set(entries.map((n) => n.id)).size).toBe(entries.length);
      expect(await outbox(two)).toEqual(entries);
    } finally {
      await one.stop();
      await two.stop();
    }
  });
});

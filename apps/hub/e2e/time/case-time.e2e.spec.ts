import { eventually } from '@hub/testing';
import { FakeClock } from '@hub/testing/fake-clock';
import { Fixtures, Person } from '../hub.fixtures';
import { TestHub } from '../test-hub';
import { SseClient, facts, fireDue, hubWithClock, kinds, notificationsOf } from './time.fixtures';

// A severity B case opened at 09:00 is due at 13:00: 50% at 11:00, 75% at 12:00.
const OPENED = '2026-03-02T09:00:00.000Z';

describe("time makes facts: a case's response target", () => {
  const clock = new FakeClock(OPENED);
  let hub: TestHub;
  let f: Fixtures;
  let workspaceId: string;
  let admin: Person;
  let opener: Person;

  beforeAll(async () => {
    hub = await hubWithClock(clock);
    f = new Fixtures(hub);
    const { agreementId } = await f.customer();
    const mine = await f.administeredWorkspace(agreementId);
    workspaceId = mine.workspaceId;
    admin = mine.admin;
    opener = await f.member(workspaceId, f.tokenOf(admin), 'opener');
  });
  let stillOpen: SseClient | undefined;
  afterAll(async () => {
    await hub.stop();
    // Shutdown ends every stream cleanly (the client sees the end, not an error or a hang).
    if (stillOpen) await eventually('the stream to end on shutdown', () => stillOpen!.ended);
  });

  const open = async (severity = 'B') =>
    (
      await f.ok('POST', '/v1/cases', f.tokenOf(opener), {
        workspaceId,
        severity,
        type: 'problem-resolution',
        product: 'Azure Virtual Machines',
        title: 'VMs do not start',
      })
    ).caseId as string;
  const ofCase = (events: any[], caseId: string) => events.filter((e) => e.data.caseId === caseId);

  it('records 50%, 75% and the breach at their due times and not before, once each, by the hub clock; the primary contact and the workspace administrator are told, live too', async () => {
    clock.set(OPENED);
    const caseId = await open();
    const sse = await SseClient.connect(hub, f.tokenOf(opener));

    clock.set('2026-03-02T10:59:59.999Z');
    await fireDue(hub);
    expect(ofCase(await facts(hub, 'CaseTargetWarned'), caseId)).toEqual([]);

    clock.set('2026-03-02T11:00:00.000Z');
    await fireDue(hub);
    const [fifty] = ofCase(await facts(hub, 'CaseTargetWarned'), caseId);
    expect(fifty.data).toMatchObject({
      percent: 50,
      initialResponseDueAt: '2026-03-02T13:00:00.000Z',
    });
    expect(fifty.metadata.actor).toEqual({ service: 'hub-clock' });
    expect(fifty.metadata.occurredAt).toBe('2026-03-02T11:00:00.000Z');
    expect((await sse.received('case_target_warning')).data).toMatchObject({ caseId, percent: 50 });

    clock.set('2026-03-02T12:59:59.000Z');
    await fireDue(hub);
    expect(ofCase(await facts(hub, 'CaseTargetWarned'), caseId).map((e) => e.data.percent)).toEqual(
      [50, 75],
    );
    expect(ofCase(await facts(hub, 'CaseTargetBreached'), caseId)).toEqual([]);

    clock.set('2026-03-02T13:00:00.000Z');
    await fireDue(hub);
    await fireDue(hub);
    const breaches = ofCase(await facts(hub, 'CaseTargetBreached'), caseId);
    expect(breaches).toHaveLength(1);
    expect(breaches[0].data.breachedAt).toBe('2026-03-02T13:00:00.000Z');
    await sse.received('case_breached');

    for (const person of [opener, admin]) {
      const mine = (await notificationsOf(hub, f.tokenOf(person))).filter(
        (n) => n.data.caseId === caseId,
      );
      expect(kinds(mine)).toEqual(['case_target_warning', 'case_target_warning', 'case_breached']);
      expect(mine.every((n) => n.to === person.email.toLowerCase())).toBe(true);
    }
    const seen = await eventually('the cases projection to show the recorded breach', async () => {
      const answer = await hub.call('GET', `/v1/cases/${caseId}`, { token: f.tokenOf(opener) });
      return answer.body.everBreached ? answer.body : undefined;
    });
    expect(seen).toMatchObject({ everBreached: true, breachedAt: '2026-03-02T13:00:00.000Z' });
    expect(seen.timeLeftBeforeBreachSeconds).toBe(0);
    const outsider = f.person('outsider');
    expect(await notificationsOf(hub, f.tokenOf(outsider))).toEqual([]);
    sse.disconnect();
  });

  it('a first response before the breach cancels what is pending: nothing more is recorded', async () => {
    clock.set(OPENED);
    const caseId = await open();
    clock.set('2026-03-02T11:30:00.000Z');
    await fireDue(hub);
    await f.ok('POST', `/v1/cases/${caseId}/responses`, f.service, {
      respondedAt: '2026-03-02T11:30:00.000Z',
    });
    clock.set('2026-03-02T14:00:00.000Z');
    await fireDue(hub);
    expect(ofCase(await facts(hub, 'CaseTargetWarned'), caseId).map((e) => e.data.percent)).toEqual(
      [50],
    );
    expect(ofCase(await facts(hub, 'CaseTargetBreached'), caseId)).toEqual([]);
  });

  it('a severity change moves the target: the old due times record nothing, the new ones fire', async () => {
    clock.set(OPENED);
    const caseId = await open('C'); // due 17:00
    clock.set('2026-03-02T10:00:00.000Z');
    await f.ok('POST', `/v1/cases/${caseId}/severity`, f.tokenOf(opener), { severity: 'A' });
    // A from 10:00: due 12:00; 50% at 11:00, 75% at 11:30.
    clock.set('2026-03-02T11:29:00.000Z');
    await fireDue(hub);
    const warned = ofCase(await facts(hub, 'CaseTargetWarned'), caseId);
    expect(warned.map((e) => [e.data.percent, e.data.initialResponseDueAt])).toEqual([
      [50, '2026-03-02T12:00:00.000Z'],
    ]);
    clock.set('2026-03-02T18:00:00.000Z');
    await fireDue(hub);
    const breached = ofCase(await facts(hub, 'CaseTargetBreached'), caseId);
    expect(breached.map((e) => e.data.breachedAt)).toEqual(['2026-03-02T12:00:00.000Z']);
  });

  it('event: read-model moves only for a caller who can see a fact it applied', async () => {
    const movesOf = (client: SseClient) =>
      client.events
        .filter((e) => e.event === 'read-model' && e.data.projection === 'cases')
        .map((e) => BigInt(e.data.position));
    const { agreementId } = await f.customer();
    const other = await f.administeredWorkspace(agreementId);
    const mine = await SseClient.connect(hub, f.tokenOf(opener));
    const theirs = await SseClient.connect(hub, f.tokenOf(other.admin));
    // Each stream has looked at the read models once (a look every 250 ms, a heartbeat every 100).
    await eventually('both streams to have looked', () =>
      mine.comments >= 4 && theirs.comments >= 4 ? true : undefined,
    );
    await open();
    const [seen] = await eventually('my stream to see my case move the cases', () => {
      const moves = movesOf(mine);
      return moves.length > 0 ? moves : undefined;
    });
    // The other stream has looked again since (past the move of my case) before theirs opens.
    const looked = theirs.comments;
    await eventually('their stream to have looked again', () =>
      theirs.comments >= looked + 4 ? true : undefined,
    );
    await f.ok('POST', '/v1/cases', f.tokenOf(other.admin), {
      workspaceId: other.workspaceId,
      severity: 'C',
      type: 'problem-resolution',
      product: 'Azure Virtual Machines',
      title: 'Their own case',
    });
    const theirMoves = await eventually('their stream to see their own case move', () => {
      const moves = movesOf(theirs);
      return moves.length > 0 ? moves : undefined;
    });
    expect(theirMoves.every((position) => position > seen)).toBe(true);
    mine.disconnect();
    theirs.disconnect();
  });

  it('the SSE stream heartbeats and resumes after Last-Event-ID (and ends cleanly on shutdown: afterAll)', async () => {
    const first = await SseClient.connect(hub, f.tokenOf(opener));
    const all = await (async () => {
      await first.received('case_breached');
      return first.events.filter((e) => e.event === 'notification');
    })();
    await eventually('a heartbeat', () => first.comments >= 2);
    first.disconnect();
    const resumed = await SseClient.connect(hub, f.tokenOf(opener), all[0].id);
    await eventually('the rest after the first', () =>
      resumed.notifications().length === all.length - 1 ? true : undefined,
    );
    expect(resumed.notifications().map((n) => n.id)).toEqual(all.slice(1).map((e) => e.data.id));
    stillOpen = resumed;
  });
});

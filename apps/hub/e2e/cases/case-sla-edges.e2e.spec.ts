import { Person } from '../hub.fixtures';
import { startedHub } from '../started-hub';

/**
 * Response targets at their edges, through HTTP (domain.md §5): a breach stays, impossible first
 * responses are refused, and targets follow the agreement's calendar and the case's language.
 * The hub's clock is set by the test, so nothing waits for time to pass.
 */
describe('case response targets at the edges (e2e)', () => {
  const { hub, f } = startedHub();
  let agreementId: string;
  let workspaceId: string;
  let admin: Person;
  let last = '0';

  const at = (instant: string) => hub.setNow(instant);
  async function ok(method: 'POST' | 'PUT', url: string, token: string, body?: unknown) {
    const answer = await f.ok(method, url, token, body);
    if (answer.position) last = answer.position;
    return answer;
  }
  const openCase = async (extra: object = {}) =>
    (
      await ok('POST', '/v1/cases', f.tokenOf(admin), {
        workspaceId,
        severity: 'A',
        type: 'problem-resolution',
        product: 'Azure SQL',
        title: 'Failover stuck',
        ...extra,
      })
    ).caseId as string;
  const caseOf = async (caseId: string) => {
    const answer = await hub.call('GET', `/v1/cases/${caseId}?minPosition=${last}`, {
      token: f.tokenOf(admin),
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    const customer = await f.customer();
    agreementId = customer.agreementId;
    workspaceId = customer.defaultWorkspaceId;
    admin = customer.serviceAdministrator;
  });

  it('a severity change after a breach keeps the breach', async () => {
    at('2026-03-02T10:00:00.000Z');
    const caseId = await openCase();
    at('2026-03-02T12:30:00.000Z'); // no response by then: the 12:00 target passed
    await ok('POST', `/v1/cases/${caseId}/severity`, f.tokenOf(admin), { severity: 'B' });
    expect(await caseOf(caseId)).toMatchObject({
      severity: 'B',
      initialResponseDueAt: '2026-03-02T16:30:00.000Z',
      everBreached: true,
      breached: true,
      breachedAt: '2026-03-02T12:00:00.000Z',
    });
    const stream = await hub.events.readStream(`case-${caseId}`);
    expect(stream.at(-1)?.data).toMatchObject({ breachedAt: '2026-03-02T12:00:00.000Z' });
  });

  it('reads the time left and a passed target off the hub clock', async () => {
    at('2026-03-02T10:00:00.000Z');
    const caseId = await openCase();
    at('2026-03-02T11:00:00.000Z');
    expect(await caseOf(caseId)).toMatchObject({
      timeLeftBeforeBreachSeconds: 3600,
      everBreached: false,
      breachedAt: null,
      language: 'en',
    });
    at('2026-03-02T12:30:00.000Z');
    expect(await caseOf(caseId)).toMatchObject({
      timeLeftBeforeBreachSeconds: -1800,
      everBreached: true,
      breachedAt: '2026-03-02T12:00:00.000Z',
    });
  });

  it('refuses impossible first responses with 400 and appends nothing', async () => {
    at('2026-03-02T10:00:00.000Z');
    const caseId = await openCase();
    at('2026-03-02T11:00:00.000Z');
    const respond = (respondedAt: string) =>
      f.refused(() =>
        hub.call('POST', `/v1/cases/${caseId}/responses`, {
          token: f.service,
          body: { respondedAt },
        }),
      );
    for (const respondedAt of ['2026-03-02T09:00:00.000Z', '2026-03-03T11:00:00.000Z']) {
      const answer = await respond(respondedAt);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'validation_failed' });
      expect(answer.body.details).toHaveProperty('respondedAt');
    }
    await ok('POST', `/v1/cases/${caseId}/close`, f.tokenOf(admin), { resolution: 'Gone' });
    at('2026-03-02T12:00:00.000Z');
    const afterClosing = await respond('2026-03-02T11:30:00.000Z');
    expect(afterClosing.status).toBe(400);
    expect((await caseOf(caseId)).respondedAt).toBeNull();
  });

  it('an advisory case opened Friday 17:00 in Los Angeles is due Monday 17:00 there', async () => {
    const calendar = (holidays: string[]) =>
      ok('PUT', `/v1/agreements/${agreementId}/calendar`, f.csam, {
        timeZone: 'America/Los_Angeles',
        holidays,
      });
    await calendar([]);
    at('2026-03-07T01:00:00.000Z'); // Friday 2026-03-06 17:00 PST
    const plain = await openCase({ type: 'advisory', severity: 'B' });
    // Monday 17:00 PDT (the clocks moved on Sunday).
    expect((await caseOf(plain)).initialResponseDueAt).toBe('2026-03-10T00:00:00.000Z');
    await calendar(['2026-03-09']);
    const overHoliday = await openCase({ type: 'advisory', severity: 'B' });
    expect((await caseOf(overHoliday)).initialResponseDueAt).toBe('2026-03-11T00:00:00.000Z');
  });

  it('a non-English case counts its hours in business hours of the calendar', async () => {
    await ok('PUT', `/v1/agreements/${agreementId}/calendar`, f.csam, {
      timeZone: 'Europe/Berlin',
      holidays: [],
    });
    at('2026-03-06T15:00:00.000Z'); // Friday 16:00 in Berlin; severity A, 2 hours
    const caseId = await openCase({ language: 'de' });
    expect(await caseOf(caseId)).toMatchObject({
      language: 'de',
      initialResponseDueAt: '2026-03-09T09:00:00.000Z', // Monday 10:00 CET
    });
  });

  it('refuses an unknown time zone and a caller outside the agreement, appending nothing', async () => {
    const badZone = await f.refused(() =>
      hub.call('PUT', `/v1/agreements/${agreementId}/calendar`, {
        token: f.csam,
        body: { timeZone: 'Mars/Olympus', holidays: [] },
      }),
    );
    expect(badZone.status).toBe(400);
    expect(badZone.body.details).toHaveProperty('timeZone');
    const stranger = await f.refused(() =>
      hub.call('PUT', `/v1/agreements/${agreementId}/calendar`, {
        token: f.tokenOf(f.person('stranger')),
        body: { timeZone: 'UTC', holidays: [] },
      }),
    );
    expect(stranger.status).toBe(404);
  });
});

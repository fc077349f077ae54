import { OrgId, PartnerId, UserId } from '@hub/domain';
import { suppressionDecider, suppressionStream } from '@hub/domain/helpdesk';
import { SubjectKeyStore } from '@hub/event-store';
import { TestHub } from '../test-hub';
import { CommandExecutor } from '@hub/application/execution/command-executor';
import {
  CUSTOMER,
  customerWithAdministrator,
  directoryFacts,
  registerPartner,
  tokens,
} from '../partner-cases/csp.fixtures';

const PARTNER = 'p-helpdesk';
const USER = 'u-ann';
const EMAIL = 'ann@contoso.example';

describe('Help Desk commands (domain.md §7), end to end', () => {
  let hub: TestHub;
  let t: ReturnType<typeof tokens>;
  let agent: string;
  let outsider: string;

  async function refused(call: () => Promise<{ status: number; body: any }>) {
    const before = await hub.settledEventCount();
    const response = await call();
    expect((await hub.allEvents()).length).toBe(before);
    return response;
  }

  async function outbox(after = '0') {
    const page = await hub.call('GET', `/v1/notifications/outbox?after=${after}&limit=100`, {
      token: t.service,
    });
    expect(page.status).toBe(200);
    return page.body as { notifications: any[]; cursor: string };
  }

  beforeAll(async () => {
    hub = await TestHub.start();
    t = tokens(hub);
    await customerWithAdministrator(hub);
    await registerPartner(hub, PARTNER, 'indirect-provider');
    agent = t.partner(PARTNER, [], 'agent-1');
    outsider = t.partner(PARTNER, [], 'not-an-agent');
    const granted = await hub.call('POST', `/v1/partners/${PARTNER}/helpdesk-agents`, {
      token: t.partner(PARTNER, ['PartnerAdmin']),
      body: { userId: 'agent-1' },
    });
    expect(granted.status).toBe(201);
    await directoryFacts(
      hub,
      {
        orgId: CUSTOMER as OrgId,
        name: 'Contoso',
        createdAt: '2024-01-01T00:00:00.000Z',
        domains: [],
        sites: [],
        orderNumbers: [],
        managedByPartnerIds: [PARTNER as PartnerId],
        administrators: [],
        licences: [],
      },
      [
        {
          userId: USER as UserId,
          orgId: CUSTOMER as OrgId,
          email: EMAIL,
          firstName: 'Ann',
          lastName: 'Lee',
          displayName: 'Ann Lee',
          status: 'active',
          licences: [],
          devices: [],
          features: [],
        },
      ],
    );
  });

  afterAll(() => hub.stop());

  it('sends a code only through the outbox; a wrong one is refused; the right one verifies once', async () => {
    const sent = await hub.call('POST', `/v1/helpdesk/users/${USER}/verification-codes`, {
      token: agent,
    });
    expect(sent.status).toBe(201);
    expect(Object.keys(sent.body).sort()).toEqual(['expiresAt', 'position']);
    const { notifications } = await outbox();
    const mail = notifications.find((n) => n.kind === 'verification-code');
    expect(mail).toMatchObject({ to: EMAIL, data: { expiresAt: sent.body.expiresAt } });
    const code: string = mail.data.code;
    expect(code).toMatch(/^\d{6}$/);

    const wrong = code === '000000' ? '000001' : '000000';
    const failed = await hub.call('POST', `/v1/helpdesk/users/${USER}/verification-codes/confirm`, {
      token: agent,
      body: { code: wrong },
    });
    expect(failed.status).toBe(409);
    expect(failed.body).toMatchObject({
      code: 'verification_code_invalid',
      details: { attemptsLeft: 4, locked: false },
    });
    const confirm = () =>
      hub.call('POST', `/v1/helpdesk/users/${USER}/verification-codes/confirm`, {
        token: agent,
        body: { code },
      });
    const verified = await confirm();
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toBe(true);
    const again = await refused(confirm);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('verification_code_used');

    const history = await hub.events.readStream(`verification-${USER}`);
    expect(history.map((e) => e.type)).toEqual([
      'VerificationCodeIssued',
      'VerificationCodeAttemptFailed',
      'VerificationCodeConfirmed',
    ]);
    // The code itself is in no event of the log (only its salted hash).
    const log = JSON.stringify(
      (await hub.allEvents()).map(({ type, data, metadata }) => ({ type, data, metadata })),
    );
    expect(log).not.toContain(`"${code}"`);
    expect(log).not.toMatch(new RegExp(`[^0-9a-f]${code}[^0-9a-f]`));
  });

  it('refuses a caller who is no Help Desk agent (403), and a user outside the partner (404)', async () => {
    const notAgent = await refused(() =>
      hub.call('POST', `/v1/helpdesk/users/${USER}/verification-codes`, { token: outsider }),
    );
    expect(notAgent.status).toBe(403);
    expect(notAgent.body.code).toBe('helpdesk_agent_required');
    const unknown = await refused(() =>
      hub.call('POST', '/v1/helpdesk/users/u-ghost/verification-codes', { token: agent }),
    );
    expect(unknown.status).toBe(404);
    const anonymous = await refused(() =>
      hub.call('POST', `/v1/helpdesk/users/${USER}/verification-codes`),
    );
    expect(anonymous.status).toBe(401);
  });

  it('answers 400 for a malformed or unknown confirm field', async () => {
    const url = `/v1/helpdesk/users/${USER}/verification-codes/confirm`;
    const bad = await refused(() => hub.call('POST', url, { token: agent, body: { code: '12' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toHaveProperty('code');
    const unknown = await refused(() =>
      hub.call('POST', url, { token: agent, body: { code: '123456', extra: 1 } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toHaveProperty('extra');
  });

  it('opens a read-only session only after the customer consents', async () => {
    const open = () =>
      hub.call('POST', `/v1/helpdesk/orgs/${CUSTOMER}/readonly-sessions`, { token: agent });
    const before = await refused(open);
    expect(before.status).toBe(403);
    expect(before.body.code).toBe('readonly_access_not_allowed');
    const consent = await hub.call('POST', `/v1/customers/${CUSTOMER}/readonly-access`, {
      token: t.customerAdmin,
      body: { partnerId: PARTNER, allow: true },
    });
    expect(consent.status).toBe(200);
    const opened = await open();
    expect(opened.status).toBe(201);
    expect(Date.parse(opened.body.endsAt) - Date.now()).toBeLessThanOrEqual(3600 * 1000);
    const [event] = await hub.events.readStream(`readonly-session-${opened.body.sessionId}`);
    expect(event.data).toMatchObject({
      partnerId: PARTNER,
      orgId: CUSTOMER,
      agentUserId: 'agent-1',
    });
    const elsewhere = await refused(() =>
      hub.call('POST', '/v1/helpdesk/orgs/org-unmanaged/readonly-sessions', { token: agent }),
    );
    expect(elsewhere.status).toBe(404);

    // The session ends as soon as the customer withdraws consent (domain.md §7).
    const status = () =>
      hub.call('GET', `/v1/helpdesk/readonly-sessions/${opened.body.sessionId}`, { token: agent });
    expect((await status()).body).toMatchObject({ status: 'open', orgId: CUSTOMER });
    const withdrawn = await hub.call('POST', `/v1/customers/${CUSTOMER}/readonly-access`, {
      token: t.customerAdmin,
      body: { partnerId: PARTNER, allow: false },
    });
    expect(withdrawn.status).toBe(200);
    expect((await status()).body.status).toBe('ended-by-withdrawal');
    // Read-only sessions are listed to the organisation's Customer Administrators (§7).
    const listed = await hub.call(
      'GET',
      `/v1/customers/${CUSTOMER}/readonly-sessions?minPosition=${withdrawn.body.position}`,
      { token: t.customerAdmin },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toEqual([
      {
        sessionId: opened.body.sessionId,
        agentUserId: 'agent-1',
        partnerId: PARTNER,
        openedAt: expect.any(String),
        endedAt: expect.any(String),
        endedBecause: 'consent-withdrawn',
      },
    ]);
    const byAgent = await hub.call('GET', `/v1/customers/${CUSTOMER}/readonly-sessions`, {
      token: agent,
    });
    expect(byAgent.status).toBe(404);
    const other = t.partner('p-other', [], 'agent-x');
    expect(
      (
        await hub.call('GET', `/v1/helpdesk/readonly-sessions/${opened.body.sessionId}`, {
          token: other,
        })
      ).status,
    ).toBe(404);
    expect((await open()).body.code).toBe('readonly_access_not_allowed');
  });

  it("takes a managed user's address off the suppression list", async () => {
    await hub.app.get(CommandExecutor).execute({
      // Streams are named by the address's keyed hash, never the address.
      stream: suppressionStream(hub.app.get(SubjectKeyStore).addressKey(EMAIL)),
      decider: suppressionDecider,
      context: {
        commandId: 'suppressed-1',
        correlationId: 'suppressed-1',
        actor: { service: 'mail' },
        source: 'test',
        occurredAt: new Date().toISOString(),
      },
      command: () => ({
        type: 'RecordEmailSuppression' as const,
        email: EMAIL,
        reason: 'bounced',
        at: new Date().toISOString(),
        by: { userId: 'svc-mail' as UserId, providerRoles: [], service: true },
      }),
    });
    const notAgent = await refused(() =>
      hub.call('DELETE', `/v1/helpdesk/suppression-list/${EMAIL}`, { token: outsider }),
    );
    expect(notAgent.status).toBe(403);
    const removed = await hub.call('DELETE', `/v1/helpdesk/suppression-list/${EMAIL}`, {
      token: agent,
    });
    expect(removed.status).toBe(200);
    const again = await refused(() =>
      hub.call('DELETE', `/v1/helpdesk/suppression-list/${EMAIL}`, { token: agent }),
    );
    expect(again.status).toBe(404);
    const unmanaged = await refused(() =>
      hub.call('DELETE', '/v1/helpdesk/suppression-list/someone@else.example', { token: agent }),
    );
    expect(unmanaged.status).toBe(404);
  });

  it('pages the outbox in order from a cursor, for services only', async () => {
    const first = await outbox();
    expect(first.notifications.length).toBeGreaterThan(0);
    const next = await outbox(first.cursor);
    expect(next).toEqual({ notifications: [], cursor: first.cursor });
    const limited = await hub.call('GET', '/v1/notifications/outbox?limit=1', { token: t.service });
    expect(limited.body.notifications).toEqual([first.notifications[0]]);
    const forbidden = await hub.call('GET', '/v1/notifications/outbox', { token: agent });
    expect(forbidden.status).toBe(403);
    const bad = await hub.call('GET', '/v1/notifications/outbox?limit=0', { token: t.service });
    expect(bad.status).toBe(400);
  });

  it('caps codes at 5 per user an hour: the 6th is 429 verification_code_rate_limited and appends nothing', async () => {
    const issue = () =>
      hub.call('POST', `/v1/helpdesk/users/${USER}/verification-codes`, { token: agent });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await issue();
      statuses.push(answer.status);
      if (answer.status !== 201) break;
    }
    // The first test issued one already: four more reach the cap.
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(4);
    const capped = await refused(issue);
    expect(capped.status).toBe(429);
    expect(capped.body).toMatchObject({
      code: 'verification_code_rate_limited',
      details: { limit: 'per user', max: 5 },
    });
  });
});

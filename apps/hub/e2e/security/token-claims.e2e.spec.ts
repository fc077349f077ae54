import jwt from 'jsonwebtoken';
import { startedHub } from '../started-hub';

/** The attacks of issue 18 item 2, through the running hub: each token is refused with 401. */
describe('token claims are cross-checked (api.md "Auth, production")', () => {
  const { hub, f } = startedHub();
  let caseUrl: string;
  let openedAt: string;

  const sign = (claims: Record<string, unknown>) =>
    jwt.sign(claims, hub.config.jwt.secret, { algorithm: 'HS256' });
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const { defaultWorkspaceId, serviceAdministrator } = await f.customer();
    const opened = await f.ok('POST', '/v1/cases', f.tokenOf(serviceAdministrator), {
      workspaceId: defaultWorkspaceId,
      severity: 'B',
      type: 'advisory',
      product: 'Azure',
      title: 'Quota',
    });
    caseUrl = `/v1/cases/${opened.caseId}`;
    openedAt = opened.position;
  });

  it("refuses CSAM claimed by a customer organisation's token (reading another customer's case)", async () => {
    const token = hub.token({ sub: 'mallory', roles: ['CSAM'], orgKind: 'customer', org: 'org-m' });
    expect((await hub.call('GET', caseUrl, { token })).status).toBe(401);
    const provider = await hub.call('GET', `${caseUrl}?minPosition=${openedAt}`, { token: f.csam });
    expect(provider.status).toBe(200);
  });

  it('refuses Service claimed by a partner organisation (writing consumption)', async () => {
    const token = hub.token({ sub: 'svc', roles: ['Service'], orgKind: 'partner', org: 'p1' });
    const before = await hub.settledEventCount();
    const answer = await hub.call('POST', '/v1/consumption', {
      token,
      body: {
        consumptionId: 'c-1',
        contractId: 'k-1',
        entitlementId: 'e-1',
        quantity: 1,
        deliveredOn: '2026-02-01',
        reference: { kind: 'case', id: 'x' },
      },
    });
    expect(answer.status).toBe(401);
    expect((await hub.allEvents()).length).toBe(before);
  });

  it('refuses accountType "Personal", a 9999 expiry and an iat in the future', async () => {
    const base = { sub: 'u1', orgKind: 'customer', org: 'org-contoso' };
    const tokens = [
      sign({ ...base, accountType: 'Personal', iat: now(), exp: now() + 600 }),
      sign({ ...base, iat: now(), exp: 253402300799 }),
      sign({ ...base, iat: now() + 3600, exp: now() + 7200 }),
    ];
    for (const token of tokens) {
      const answer = await hub.call('GET', '/v1/workspaces', { token });
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('unauthorized');
    }
    const fine = sign({ ...base, accountType: 'personal', iat: now(), exp: now() + 600 });
    expect((await hub.call('GET', '/v1/workspaces', { token: fine })).status).toBe(200);
  });
});

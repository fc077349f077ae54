import { startedHub } from '../started-hub';

/**
 * A write on another tenant's case or workspace answers 404, as an unknown id does and as the
 * same caller's read does (api.md "Errors"); inside the caller's scope a 403 stays a 403.
 */
describe('writes outside the caller scope answer 404, never 403', () => {
  const { hub, f } = startedHub();
  let caseId: string;
  let workspaceId: string;
  let agreementId: string;
  let outsider: string;
  let member: string;

  beforeAll(async () => {
    const a = await f.customer();
    ({ agreementId, defaultWorkspaceId: workspaceId } = a);
    const opened = await f.ok('POST', '/v1/cases', f.tokenOf(a.serviceAdministrator), {
      workspaceId,
      severity: 'B',
      type: 'advisory',
      product: 'Azure',
      title: 'Quota',
    });
    caseId = opened.caseId;
    member = f.tokenOf(await f.member(workspaceId, f.tokenOf(a.serviceAdministrator)));
    const b = await f.customer();
    outsider = f.tokenOf(b.serviceAdministrator);
  });

  const writes = (ids: { caseId: string; workspaceId: string; agreementId: string }) =>
    [
      ['POST', `/v1/cases/${ids.caseId}/shares`, { userId: 'someone' }],
      ['POST', `/v1/cases/${ids.caseId}/group-access`, { groupId: 'g-1' }],
      ['POST', `/v1/cases/${ids.caseId}/severity`, { severity: 'A' }],
      ['POST', `/v1/cases/${ids.caseId}/close`, { resolution: 'done' }],
      ['POST', `/v1/workspaces/${ids.workspaceId}/invitations`, { email: 'x@contoso.example' }],
      ['POST', `/v1/workspaces/${ids.workspaceId}/roles`, { userId: 'u', role: 'Member' }],
      ['DELETE', `/v1/workspaces/${ids.workspaceId}/roles/Member/users/u`, undefined],
      ['POST', `/v1/workspaces/${ids.workspaceId}/groups`, { name: 'g', memberUserIds: [] }],
      ['DELETE', `/v1/workspaces/${ids.workspaceId}/members/u`, undefined],
      ['PUT', `/v1/agreements/${ids.agreementId}/account-policy`, { allowPersonalAccounts: true }],
      ['POST', `/v1/agreements/${ids.agreementId}/customer-administrators`, { userId: 'u' }],
    ] as const;

  it("answers 404 on another tenant's case, workspace and agreement, as for unknown ids", async () => {
    const existing = writes({ caseId, workspaceId, agreementId });
    const unknown = writes({
      caseId: 'no-case',
      workspaceId: 'no-ws',
      agreementId: 'no-agreement',
    });
    for (let i = 0; i < existing.length; i += 1) {
      const [method, url, body] = existing[i];
      const before = await hub.settledEventCount();
      const answer = await hub.call(method, url, { token: outsider, body });
      expect({ url, status: answer.status, code: answer.body.code }).toEqual({
        url,
        status: 404,
        code: 'not_found',
      });
      expect((await hub.allEvents()).length).toBe(before);
      const [uMethod, uUrl, uBody] = unknown[i];
      const none = await hub.call(uMethod, uUrl, { token: outsider, body: uBody });
      expect({ url: uUrl, status: none.status }).toEqual({ url: uUrl, status: 404 });
    }
  });

  it('keeps 403 inside the scope: a member of the workspace who may not act on it', async () => {
    const answer = await hub.call('POST', `/v1/workspaces/${workspaceId}/invitations`, {
      token: member,
      body: { email: 'y@contoso.example' },
    });
    expect(answer.status).toBe(403);
  });
});

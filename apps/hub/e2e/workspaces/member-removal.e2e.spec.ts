import { startedHub } from '../started-hub';

/**
 * Removing a member (domain.md §3), through HTTP: roles and case visibility through the workspace
 * end; only administrators remove; a refusal appends nothing.
 */
describe('DELETE /v1/workspaces/{workspaceId}/members/{userId} (e2e)', () => {
  const { hub, f } = startedHub();

  it('a removed member loses their roles there and the cases shared with them', async () => {
    const { workspaceId, admin } = await f.administeredWorkspace((await f.customer()).agreementId);
    const adminToken = f.tokenOf(admin);
    const [contact, sue] = [
      await f.member(workspaceId, adminToken, 'contact'),
      await f.member(workspaceId, adminToken, 'sue'),
    ];
    await f.ok('POST', `/v1/workspaces/${workspaceId}/roles`, adminToken, {
      userId: sue.sub,
      role: 'LearningManager',
    });
    const { caseId } = await f.ok('POST', '/v1/cases', f.tokenOf(contact), {
      workspaceId,
      severity: 'C',
      type: 'advisory',
      product: 'Teams',
      title: 'Shared with Sue',
    });
    const shared = await f.ok('POST', `/v1/cases/${caseId}/shares`, f.tokenOf(contact), {
      userId: sue.sub,
    });
    const seen = async (position: string) =>
      hub.call('GET', `/v1/cases/${caseId}?minPosition=${position}`, { token: f.tokenOf(sue) });
    expect((await seen(shared.position)).status).toBe(200);

    const refused = await f.refused(() =>
      hub.call('DELETE', `/v1/workspaces/${workspaceId}/members/${sue.sub}`, {
        token: f.tokenOf(contact),
      }),
    );
    expect(refused.status).toBe(403);

    const removed = await f.ok(
      'DELETE',
      `/v1/workspaces/${workspaceId}/members/${sue.sub}`,
      adminToken,
    );
    expect((await seen(removed.position)).status).toBe(404);
    const workspaces = await hub.call('GET', `/v1/workspaces?minPosition=${removed.position}`, {
      token: f.tokenOf(sue),
    });
    expect(workspaces.body.workspaces).toEqual([]);
    const again = await f.refused(() =>
      hub.call('DELETE', `/v1/workspaces/${workspaceId}/members/${sue.sub}`, { token: adminToken }),
    );
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('member_not_found');

    // Invited again and accepted: a new membership, without what the old one was shared.
    await f.ok('POST', `/v1/workspaces/${workspaceId}/invitations`, adminToken, {
      email: sue.email,
    });
    const rejoined = await f.accept(workspaceId, sue);
    expect((await seen(rejoined.position)).status).toBe(404);
    const reshared = await f.ok('POST', `/v1/cases/${caseId}/shares`, f.tokenOf(contact), {
      userId: sue.sub,
    });
    expect((await seen(reshared.position)).status).toBe(200);
  });
});

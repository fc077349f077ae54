import { Person } from '../hub.fixtures';
import { startedHub } from '../started-hub';

describe('POST /v1/workspaces/{id}/roles and DELETE …/roles/{role}/users/{userId}', () => {
  const { hub, f } = startedHub();
  let workspaceId: string;
  let adminToken: string;
  let otherAdminToken: string;
  let customerAdminToken: string;
  let member: Person;

  beforeAll(async () => {
    const customer = await f.customer();
    customerAdminToken = f.tokenOf(customer.serviceAdministrator);
    const mine = await f.administeredWorkspace(customer.agreementId);
    workspaceId = mine.workspaceId;
    adminToken = f.tokenOf(mine.admin);
    otherAdminToken = f.tokenOf((await f.administeredWorkspace(customer.agreementId)).admin);
    member = await f.member(workspaceId, adminToken);
  });

  const roles = (id = workspaceId) => `/v1/workspaces/${id}/roles`;
  const grant = (token: string | undefined, body: object, id = workspaceId) =>
    hub.call('POST', roles(id), { token, body });

  it('grants a role: 201 with position, one RoleGranted by the administrator', async () => {
    const response = await grant(adminToken, { userId: member.sub, role: 'CustomerActivity' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ position: expect.stringMatching(/^\d+$/) });
    const [last] = await hub.events.readStream(`workspace-${workspaceId}`, {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(last.type).toBe('RoleGranted');
    expect(last.data).toMatchObject({ userId: member.sub, role: 'CustomerActivity' });
    expect(last.position.toString()).toBe(response.body.position);
  });

  it('lets the Customer Administrator (agreement-wide) grant in any workspace of the agreement', async () => {
    const response = await grant(customerAdminToken, {
      userId: member.sub,
      role: 'ViewAllSupportRequests',
    });
    expect(response.status).toBe(201);
  });

  it('answers 400 for an unknown role, a missing userId and an unknown field', async () => {
    const bad = await f.refused(() => grant(adminToken, { userId: '', role: 'Owner' }));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['userId', 'role']));
    const unknown = await f.refused(() =>
      grant(adminToken, { userId: member.sub, role: 'Member', colour: 'blue' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toHaveProperty('colour');
    const revokeUnknownRole = await f.refused(() =>
      hub.call('DELETE', `${roles()}/Owner/users/${member.sub}`, { token: adminToken }),
    );
    expect(revokeUnknownRole.status).toBe(400);
  });

  it('answers 401 without a token', async () => {
    const response = await f.refused(() =>
      grant(undefined, { userId: member.sub, role: 'Member' }),
    );
    expect(response.status).toBe(401);
  });

  it('answers 403 to a plain member, 404 to the administrator of another workspace', async () => {
    const body = { userId: member.sub, role: 'LearningManager' };
    const byMember = await f.refused(() => grant(f.tokenOf(member), body));
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('workspace_administrator_required');
    // Another workspace's administrator is outside this one: 404, as for an unknown workspace.
    const byOtherAdmin = await f.refused(() => grant(otherAdminToken, body));
    expect(byOtherAdmin.status).toBe(404);
    const revokeByOther = await f.refused(() =>
      hub.call('DELETE', `${roles()}/CustomerActivity/users/${member.sub}`, {
        token: otherAdminToken,
      }),
    );
    expect(revokeByOther.status).toBe(404);
  });

  it('answers 404 for an unknown workspace and for a user who is not a member', async () => {
    const noWorkspace = await f.refused(() =>
      grant(adminToken, { userId: member.sub, role: 'Member' }, 'no-such-workspace'),
    );
    expect(noWorkspace.status).toBe(404);
    const stranger = await f.refused(() =>
      grant(adminToken, { userId: 'stranger', role: 'CustomerActivity' }),
    );
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('member_not_found');
  });

  it('revokes a role (200), and the Member role is not revocable (409)', async () => {
    const revoked = await hub.call(
      'DELETE',
      `${roles()}/ViewAllSupportRequests/users/${member.sub}`,
      { token: adminToken },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.position).toMatch(/^\d+$/);
    const memberRole = await f.refused(() =>
      hub.call('DELETE', `${roles()}/Member/users/${member.sub}`, { token: adminToken }),
    );
    expect(memberRole.status).toBe(409);
    expect(memberRole.body.code).toBe('member_role_not_revocable');
  });

  it('a revoked WorkspaceAdministrator role stops working on the very next command', async () => {
    const deputy = await f.member(workspaceId, adminToken, 'deputy');
    await f.ok('POST', roles(), adminToken, { userId: deputy.sub, role: 'WorkspaceAdministrator' });
    const deputyToken = f.tokenOf(deputy);
    expect((await grant(deputyToken, { userId: member.sub, role: 'LearningManager' })).status).toBe(
      201,
    );
    await f.ok('DELETE', `${roles()}/WorkspaceAdministrator/users/${deputy.sub}`, adminToken);
    const after = await f.refused(() =>
      grant(deputyToken, { userId: member.sub, role: 'ViewAllSupportRequests' }),
    );
    expect(after.status).toBe(403);
  });

  it('records each of 50 concurrent grants exactly once', async () => {
    const people: Person[] = [];
    for (let i = 0; i < 50; i += 1) people.push(await f.member(workspaceId, adminToken, 'crowd'));
    const answers = await Promise.all(
      people.map((person) => grant(adminToken, { userId: person.sub, role: 'CustomerActivity' })),
    );
    expect(answers.filter((answer) => answer.status !== 201).map((answer) => answer.body)).toEqual(
      [],
    );
    expect(answers.map((answer) => answer.status)).toEqual(people.map(() => 201));
    const granted = (await hub.events.readStream(`workspace-${workspaceId}`)).filter(
      (event) => event.type === 'RoleGranted' && event.data.role === 'CustomerActivity',
    );
    for (const person of people) {
      expect(granted.filter((event) => event.data.userId === person.sub)).toHaveLength(1);
    }
  });
});

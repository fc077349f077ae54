import { startedHub } from '../started-hub';

describe('POST /v1/invitations/{invitationId}/accept', () => {
  const { hub, f } = startedHub();

  const accept = (token: string | undefined, invitationId: string, body?: object) =>
    hub.call('POST', `/v1/invitations/${invitationId}/accept`, { token, body });

  it('makes the Service Administrator a member and Customer Administrator before answering', async () => {
    const sa = f.person('sa');
    const { agreementId, defaultWorkspaceId } = await f.activateAgreement({
      serviceAdministrator: sa,
    });
    const response = await accept(f.tokenOf(sa), f.invitationId(defaultWorkspaceId, sa.email));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      workspaceId: defaultWorkspaceId,
      position: expect.stringMatching(/^\d+$/),
    });
    const types = await f.typesIn(`workspace-${defaultWorkspaceId}`);
    expect(types.slice(-3)).toEqual(['InvitationAccepted', 'RoleGranted', 'RoleGranted']);
    const agreement = await hub.events.readStream(`agreement-${agreementId}`);
    const appointed = agreement.find((event) => event.type === 'CustomerAdministratorAppointed');
    expect(appointed?.data.userId).toBe(sa.sub);
    expect(response.body.position).toBe(appointed?.position.toString());
  });

  it('answers 400 for an unknown field, 401 without a token, 404 for an unknown invitation', async () => {
    const sa = f.person('sa');
    const { defaultWorkspaceId } = await f.activateAgreement({ serviceAdministrator: sa });
    const invitationId = f.invitationId(defaultWorkspaceId, sa.email);
    const unknown = await f.refused(() => accept(f.tokenOf(sa), invitationId, { colour: 'blue' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toHaveProperty('colour');
    expect((await f.refused(() => accept(undefined, invitationId))).status).toBe(401);
    const missing = await f.refused(() => accept(f.tokenOf(sa), 'no-such-invitation'));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('invitation_not_found');
  });

  it('answers 403 to someone else, even an administrator of the workspace', async () => {
    const { defaultWorkspaceId, serviceAdministrator } = await f.customer();
    const invitee = f.person('invitee');
    const saToken = f.tokenOf(serviceAdministrator);
    const { invitationId } = await f.ok(
      'POST',
      `/v1/workspaces/${defaultWorkspaceId}/invitations`,
      saToken,
      {
        email: invitee.email,
      },
    );
    const response = await f.refused(() => accept(saToken, invitationId));
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('invitation_email_mismatch');
  });

  it('answers 409 to a second acceptance and to a personal account on a unified agreement', async () => {
    const { defaultWorkspaceId, serviceAdministrator } = await f.customer();
    const again = await f.refused(() =>
      accept(
        f.tokenOf(serviceAdministrator),
        f.invitationId(defaultWorkspaceId, serviceAdministrator.email),
      ),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invitation_already_accepted');
    const personal = f.person('home', 'personal');
    const { invitationId } = await f.ok(
      'POST',
      `/v1/workspaces/${defaultWorkspaceId}/invitations`,
      f.tokenOf(serviceAdministrator),
      { email: personal.email },
    );
    const refused = await f.refused(() => accept(f.tokenOf(personal), invitationId));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('personal_accounts_not_allowed');
  });
});

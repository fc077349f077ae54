import { ENTITLEMENTS } from './hub.fixtures';
import { startedHub } from './started-hub';

const HOUR_MS = 3_600_000;

/** The seed story, end to end over HTTP: activation to a responded severity A case. */
describe('scenario: from a unified agreement to a responded severity A case', () => {
  const { hub, f } = startedHub();

  it('runs the seed story', async () => {
    // A CSAM activates a unified agreement with a Service Administrator and two named contacts.
    const sa = f.person('sa');
    const contacts = [f.person('contact'), f.person('contact')];
    const { agreementId, defaultWorkspaceId } = await f.activateAgreement({
      serviceAdministrator: sa,
      namedContacts: contacts,
      type: 'unified',
    });
    // All three are invited to the default workspace, their invitations claimed before the answer.
    const invited = (await hub.events.readStream(`workspace-${defaultWorkspaceId}`)).filter(
      (event) => event.type === 'MemberInvited',
    );
    expect(invited.map((event) => event.data.email)).toEqual([sa, ...contacts].map((p) => p.email));
    for (const event of invited) {
      expect(await hub.events.readStream(`id-invitation-${event.data.invitationId}`)).toHaveLength(
        1,
      );
    }

    // A CSAM creates an additional workspace; its administrator accepts and invites a member.
    const wa = f.person('wa');
    const workspaceId = await f.createWorkspace(agreementId, wa);
    await f.accept(workspaceId, wa);
    const waToken = f.tokenOf(wa);
    const member = f.person('member');
    await f.ok('POST', `/v1/workspaces/${workspaceId}/invitations`, waToken, {
      email: member.email,
    });
    const home = f.person('home', 'personal');
    await f.ok('POST', `/v1/workspaces/${workspaceId}/invitations`, waToken, { email: home.email });

    // A personal account is refused until the customer's Customer Administrator allows it.
    const personalRefused = await f.refused(() =>
      hub.call('POST', `/v1/invitations/${f.invitationId(workspaceId, home.email)}/accept`, {
        token: f.tokenOf(home),
      }),
    );
    expect(personalRefused.status).toBe(409);
    expect(personalRefused.body.code).toBe('personal_accounts_not_allowed');
    const notYetAdmin = await f.refused(() =>
      hub.call('PUT', `/v1/agreements/${agreementId}/account-policy`, {
        token: f.tokenOf(sa),
        body: { allowPersonalAccounts: true },
      }),
    );
    // Not yet a member of any workspace of the agreement: outside their scope, so 404 (api.md).
    expect(notYetAdmin.status).toBe(404);
    await f.accept(defaultWorkspaceId, sa); // the Service Administrator becomes Customer Administrator
    await f.ok('PUT', `/v1/agreements/${agreementId}/account-policy`, f.tokenOf(sa), {
      allowPersonalAccounts: true,
    });
    await f.accept(workspaceId, home);
    // The member accepts with a work account.
    await f.accept(workspaceId, member);

    // The administrator grants CustomerActivity.
    await f.ok('POST', `/v1/workspaces/${workspaceId}/roles`, waToken, {
      userId: member.sub,
      role: 'CustomerActivity',
    });

    // A contract with entitlements and an add-on package is added and mapped.
    const contractId = await f.addContract(agreementId, ENTITLEMENTS);
    const { packageId } = await f.ok('POST', `/v1/contracts/${contractId}/packages`, f.csam, {
      name: 'Enhanced solution',
      expiresOn: '2026-12-31',
      entitlements: [
        {
          entitlementId: 'workshops',
          category: 'proactive',
          service: 'Workshops',
          unit: 'credits',
          quantity: 4,
          kind: 'consumable',
        },
      ],
    });
    await f.ok('POST', `/v1/workspaces/${workspaceId}/mappings`, f.csam, { contractId });
    await f.ok('POST', `/v1/workspaces/${workspaceId}/mappings`, f.csam, { packageId });

    // Consumption is logged twice with the same consumptionId: recorded once.
    const delivered = {
      consumptionId: 'delivery-0001',
      contractId,
      entitlementId: 'dse-hours',
      quantity: 3.25,
      deliveredOn: '2026-03-02',
      reference: { kind: 'engagement', id: 'eng-42' },
      workspaceId,
    };
    await f.ok('POST', '/v1/consumption', f.service, delivered);
    await f.ok('POST', '/v1/consumption', f.service, delivered);
    const ledger = await hub.events.readStream(`ledger-${contractId}`);
    expect(ledger.map((event) => event.type)).toEqual(['ConsumptionLogged']);

    // A member opens a severity A case; the first response comes in one hour.
    const opened = await f.ok('POST', '/v1/cases', f.tokenOf(member), {
      workspaceId,
      severity: 'A',
      type: 'problem-resolution',
      product: 'SAP on Azure',
      title: 'Production down',
      contractId,
    });
    const [caseOpened] = await hub.events.readStream(`case-${opened.caseId}`);
    const openedAt = Date.parse(caseOpened.data.openedAt as string);
    expect(Date.parse(opened.initialResponseDueAt)).toBe(openedAt + 2 * HOUR_MS);
    const respondedAt = new Date(openedAt + HOUR_MS).toISOString();
    // The service reports the response after it happened (a future one is refused).
    hub.setNow(new Date(openedAt + 1.5 * HOUR_MS).toISOString());
    await f.ok('POST', `/v1/cases/${opened.caseId}/responses`, f.service, { respondedAt });
    hub.setNow(null);
    const [, responded] = await hub.events.readStream(`case-${opened.caseId}`);
    expect(responded.type).toBe('CaseFirstResponseRecorded');
    expect(responded.data).toMatchObject({ respondedAt, responseTargetMet: true });
  });

  it('describes every write route of the story in the OpenAPI document, with its DTO', async () => {
    const { body } = await hub.call('GET', '/docs-json');
    const routes: [string, string][] = [
      ['/v1/agreements/{agreementId}/contracts', 'post'],
      ['/v1/contracts/{contractId}/packages', 'post'],
      ['/v1/packages/{packageId}/withdraw', 'post'],
      ['/v1/workspaces/{workspaceId}/mappings', 'post'],
      ['/v1/workspaces/{workspaceId}/invitations', 'post'],
      ['/v1/invitations/{invitationId}/accept', 'post'],
      ['/v1/workspaces/{workspaceId}/roles', 'post'],
      ['/v1/workspaces/{workspaceId}/roles/{role}/users/{userId}', 'delete'],
      ['/v1/workspaces/{workspaceId}/groups', 'post'],
      ['/v1/consumption', 'post'],
      ['/v1/consumption/{consumptionId}/reversal', 'post'],
      ['/v1/cases', 'post'],
      ['/v1/cases/{caseId}/shares', 'post'],
      ['/v1/cases/{caseId}/group-access', 'post'],
      ['/v1/cases/{caseId}/severity', 'post'],
      ['/v1/cases/{caseId}/responses', 'post'],
      ['/v1/cases/{caseId}/close', 'post'],
    ];
    for (const [path, verb] of routes) expect(body.paths[path]?.[verb]).toBeDefined();
    const schemas = body.components.schemas;
    expect(Object.keys(schemas.LogConsumptionDto.properties)).toEqual(
      expect.arrayContaining(['consumptionId', 'contractId', 'quantity', 'reference']),
    );
    expect(schemas.OpenCaseDto.required).toEqual(
      expect.arrayContaining(['workspaceId', 'severity', 'type', 'product', 'title']),
    );
  });
});

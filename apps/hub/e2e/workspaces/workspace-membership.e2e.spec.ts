import { startedHub } from '../started-hub';

describe('workspace mappings, invitations and groups', () => {
  const { hub, f } = startedHub();
  let agreementId: string;
  let workspaceId: string;
  let adminToken: string;
  let otherAdminToken: string;
  let contractId: string;
  let packageId: string;

  beforeAll(async () => {
    ({ agreementId } = await f.customer());
    const mine = await f.administeredWorkspace(agreementId);
    workspaceId = mine.workspaceId;
    adminToken = f.tokenOf(mine.admin);
    otherAdminToken = f.tokenOf((await f.administeredWorkspace(agreementId)).admin);
    contractId = await f.addContract(agreementId);
    packageId = (
      await f.ok('POST', `/v1/contracts/${contractId}/packages`, f.csam, {
        name: 'Enhanced solution',
        expiresOn: '2026-12-31',
        entitlements: [
          {
            category: 'proactive',
            service: 'Workshops',
            unit: 'credits',
            quantity: 5,
            kind: 'consumable',
          },
        ],
      })
    ).packageId;
  });

  describe('POST /v1/workspaces/{id}/mappings', () => {
    const map = (token: string | undefined, body: object, id = workspaceId) =>
      hub.call('POST', `/v1/workspaces/${id}/mappings`, { token, body });

    it('maps a contract and a package (201), and mapping again appends nothing', async () => {
      const contract = await map(f.csam, { contractId });
      expect(contract.status).toBe(201);
      expect(contract.body.position).toMatch(/^\d+$/);
      const pkg = await map(f.csam, { packageId });
      expect(pkg.status).toBe(201);
      const types = await f.typesIn(`workspace-${workspaceId}`);
      expect(types.filter((t) => t.endsWith('MappedToWorkspace'))).toEqual([
        'ContractMappedToWorkspace',
        'PackageMappedToWorkspace',
      ]);
      const before = await hub.settledEventCount();
      expect((await map(f.csam, { contractId })).status).toBe(201);
      expect((await hub.allEvents()).length).toBe(before);
    });

    it('answers 400 for neither, both, a bad field and an unknown field', async () => {
      for (const body of [
        {},
        { contractId, packageId },
        { contractId: 42 },
        { contractId, x: 1 },
      ]) {
        const response = await f.refused(() => map(f.csam, body));
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('validation_failed');
      }
    });

    it('answers 401 without a token and 403 to a workspace administrator', async () => {
      expect((await f.refused(() => map(undefined, { contractId }))).status).toBe(401);
      const byAdmin = await f.refused(() => map(adminToken, { contractId }));
      expect(byAdmin.status).toBe(403);
    });

    it("answers 404 for an unknown workspace or contract, 409 for another agreement's contract", async () => {
      expect((await f.refused(() => map(f.csam, { contractId }, 'nope'))).status).toBe(404);
      const noContract = await f.refused(() => map(f.csam, { contractId: 'nope' }));
      expect(noContract.status).toBe(404);
      expect(noContract.body.code).toBe('contract_not_found');
      const other = await f.customer();
      const foreign = await f.addContract(other.agreementId);
      const response = await f.refused(() => map(f.csam, { contractId: foreign }));
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('contract_not_in_agreement');
    });
  });

  describe('POST /v1/workspaces/{id}/invitations', () => {
    const invite = (token: string | undefined, body: object, id = workspaceId) =>
      hub.call('POST', `/v1/workspaces/${id}/invitations`, { token, body });

    it('invites (201 with invitationId) and claims the id before answering', async () => {
      const person = f.person('invitee');
      const response = await invite(adminToken, { email: person.email, name: 'In Vitee' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        invitationId: f.invitationId(workspaceId, person.email),
        position: expect.stringMatching(/^\d+$/),
      });
      const claim = await hub.events.readStream(`id-invitation-${response.body.invitationId}`);
      expect(claim).toHaveLength(1);
      expect(claim[0].data.ownerStream).toBe(`workspace-${workspaceId}`);
      expect(claim[0].position.toString()).toBe(response.body.position);
    });

    it('answers 400 for a bad e-mail and an unknown field', async () => {
      const bad = await f.refused(() => invite(adminToken, { email: 'nope' }));
      expect(bad.status).toBe(400);
      expect(bad.body.details).toHaveProperty('email');
      const unknown = await f.refused(() =>
        invite(adminToken, { email: 'a@b.example', roles: [] }),
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toHaveProperty('roles');
    });

    it("answers 401, 403 (member), 404 (another workspace's administrator; unknown) and 409", async () => {
      const body = { email: f.person('x').email };
      expect((await f.refused(() => invite(undefined, body))).status).toBe(401);
      const member = await f.member(workspaceId, adminToken);
      expect((await f.refused(() => invite(f.tokenOf(member), body))).status).toBe(403);
      expect((await f.refused(() => invite(otherAdminToken, body))).status).toBe(404);
      expect((await f.refused(() => invite(adminToken, body, 'nope'))).status).toBe(404);
      const again = await f.refused(() => invite(adminToken, { email: member.email }));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('already_member');
    });
  });

  describe('POST /v1/workspaces/{id}/groups', () => {
    const group = (token: string | undefined, body: object, id = workspaceId) =>
      hub.call('POST', `/v1/workspaces/${id}/groups`, { token, body });

    it('creates a group (201 with groupId) of members', async () => {
      const member = await f.member(workspaceId, adminToken);
      const response = await group(adminToken, { name: 'SAP ops', memberUserIds: [member.sub] });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ groupId: expect.any(String), position: expect.any(String) });
      const chosen = await group(adminToken, {
        groupId: 'g-1',
        name: 'Network',
        memberUserIds: [],
      });
      expect(chosen.body.groupId).toBe('g-1');
    });

    it('answers 400 (bad field, unknown field), 401, 403, 404 and 409', async () => {
      const bad = await f.refused(() => group(adminToken, { name: '', memberUserIds: 'x' }));
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details)).toEqual(
        expect.arrayContaining(['name', 'memberUserIds']),
      );
      const unknown = await f.refused(() =>
        group(adminToken, { name: 'A', memberUserIds: [], colour: 1 }),
      );
      expect(unknown.status).toBe(400);
      const body = { name: 'Other', memberUserIds: [] };
      expect((await f.refused(() => group(undefined, body))).status).toBe(401);
      expect((await f.refused(() => group(otherAdminToken, body))).status).toBe(404);
      expect((await f.refused(() => group(adminToken, body, 'nope'))).status).toBe(404);
      const taken = await f.refused(() =>
        group(adminToken, { name: 'sap OPS', memberUserIds: [] }),
      );
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('group_name_taken');
    });
  });
});

import { Person } from '../hub.fixtures';
import { startedHub } from '../started-hub';

const HOUR_MS = 3_600_000;

describe('case commands', () => {
  const { hub, f } = startedHub();
  let workspaceId: string;
  let adminToken: string;
  let otherAdminToken: string;
  let opener: Person;
  let colleague: Person;
  let outsider: Person;
  let groupId: string;

  beforeAll(async () => {
    const { agreementId } = await f.customer();
    const mine = await f.administeredWorkspace(agreementId);
    workspaceId = mine.workspaceId;
    adminToken = f.tokenOf(mine.admin);
    const other = await f.administeredWorkspace(agreementId);
    otherAdminToken = f.tokenOf(other.admin);
    outsider = await f.member(other.workspaceId, otherAdminToken, 'outsider');
    opener = await f.member(workspaceId, adminToken, 'opener');
    colleague = await f.member(workspaceId, adminToken, 'colleague');
    groupId = (
      await f.ok('POST', `/v1/workspaces/${workspaceId}/groups`, adminToken, {
        name: 'Ops',
        memberUserIds: [colleague.sub],
      })
    ).groupId;
  });

  const caseBody = (overrides: object = {}) => ({
    workspaceId,
    severity: 'B',
    type: 'problem-resolution',
    product: 'Azure Virtual Machines',
    title: 'VMs do not start',
    ...overrides,
  });
  const open = (token: string | undefined, body: object) =>
    hub.call('POST', '/v1/cases', { token, body });
  const action = (token: string | undefined, caseId: string, path: string, body: object) =>
    hub.call('POST', `/v1/cases/${caseId}/${path}`, { token, body });
  async function openedCase(overrides: object = {}): Promise<string> {
    return (await f.ok('POST', '/v1/cases', f.tokenOf(opener), caseBody(overrides))).caseId;
  }

  describe('POST /v1/cases', () => {
    it('opens a severity A case: 201 with caseId, initialResponseDueAt = opened + 2 h, position', async () => {
      const response = await open(f.tokenOf(opener), caseBody({ severity: 'A', category: 'SU' }));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        caseId: expect.any(String),
        initialResponseDueAt: expect.any(String),
        position: expect.stringMatching(/^\d+$/),
      });
      const [opened] = await hub.events.readStream(`case-${response.body.caseId}`);
      expect(opened.data).toMatchObject({
        workspaceId,
        severity: 'A',
        primaryContactUserId: opener.sub,
        category: 'SU',
      });
      expect(opened.data).not.toHaveProperty('contractId');
      const openedAt = Date.parse(opened.data.openedAt as string);
      expect(Date.parse(response.body.initialResponseDueAt)).toBe(openedAt + 2 * HOUR_MS);
    });

    it('answers 400 for a bad severity, type and empty title, and for an unknown field', async () => {
      const bad = await f.refused(() =>
        open(f.tokenOf(opener), caseBody({ severity: 'D', type: 'question', title: '' })),
      );
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details)).toEqual(
        expect.arrayContaining(['severity', 'type', 'title']),
      );
      const unknown = await f.refused(() => open(f.tokenOf(opener), caseBody({ urgent: true })));
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toHaveProperty('urgent');
    });

    it('answers 401, 403 to a member of another workspace, 404 for an unknown workspace', async () => {
      expect((await f.refused(() => open(undefined, caseBody()))).status).toBe(401);
      const elsewhere = await f.refused(() => open(f.tokenOf(outsider), caseBody()));
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('not_a_workspace_member');
      const noWorkspace = await f.refused(() =>
        open(f.tokenOf(opener), caseBody({ workspaceId: 'nope' })),
      );
      expect(noWorkspace.status).toBe(404);
    });

    it('answers 409 when the primary contact is not a member, or the case id is taken', async () => {
      const notMember = await f.refused(() =>
        open(f.tokenOf(opener), caseBody({ primaryContactUserId: outsider.sub })),
      );
      expect(notMember.status).toBe(409);
      expect(notMember.body.code).toBe('primary_contact_not_member');
      await openedCase({ caseId: 'case-fixed' });
      const taken = await f.refused(() =>
        open(f.tokenOf(opener), caseBody({ caseId: 'case-fixed' })),
      );
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('case_already_exists');
    });
  });

  describe('POST /v1/cases/{id}/shares and /group-access', () => {
    it('shares with a member (primary contact) and opens to a group (administrator)', async () => {
      const caseId = await openedCase();
      const shared = await action(f.tokenOf(opener), caseId, 'shares', { userId: colleague.sub });
      expect(shared.status).toBe(201);
      const group = await action(adminToken, caseId, 'group-access', { groupId });
      expect(group.status).toBe(201);
      expect(await f.typesIn(`case-${caseId}`)).toEqual([
        'CaseOpened',
        'CaseShared',
        'CaseGroupAccessGranted',
      ]);
    });

    it('answers 400, 401, 403, 404 and 409', async () => {
      const caseId = await openedCase();
      const share = (token: string | undefined, body: object, id = caseId) =>
        action(token, id, 'shares', body);
      expect((await f.refused(() => share(f.tokenOf(opener), { userId: '' }))).status).toBe(400);
      expect((await f.refused(() => share(f.tokenOf(opener), { userId: 'x', y: 1 }))).status).toBe(
        400,
      );
      expect((await f.refused(() => share(undefined, { userId: colleague.sub }))).status).toBe(401);
      const byColleague = await f.refused(() =>
        share(f.tokenOf(colleague), { userId: opener.sub }),
      );
      // Neither may read the case, so neither learns it exists (api.md "Errors").
      expect(byColleague.status).toBe(404);
      const byOtherAdmin = await f.refused(() => share(otherAdminToken, { userId: colleague.sub }));
      expect(byOtherAdmin.status).toBe(404);
      expect(
        (await f.refused(() => share(adminToken, { userId: colleague.sub }, 'nope'))).status,
      ).toBe(404);
      const stranger = await f.refused(() => share(f.tokenOf(opener), { userId: outsider.sub }));
      expect(stranger.status).toBe(409);
      expect(stranger.body.code).toBe('share_target_not_member');

      const grant = (token: string | undefined, body: object) =>
        action(token, caseId, 'group-access', body);
      expect((await f.refused(() => grant(adminToken, { groupId: '' }))).status).toBe(400);
      expect((await f.refused(() => grant(adminToken, { groupId, x: 1 }))).status).toBe(400);
      expect((await f.refused(() => grant(undefined, { groupId }))).status).toBe(401);
      expect((await f.refused(() => grant(f.tokenOf(opener), { groupId }))).status).toBe(403);
      expect((await f.refused(() => grant(otherAdminToken, { groupId }))).status).toBe(404);
      const noGroup = await f.refused(() => grant(adminToken, { groupId: 'nope' }));
      expect(noGroup.status).toBe(404);
      expect(noGroup.body.code).toBe('group_not_found');
    });
  });

  describe('POST /v1/cases/{id}/responses, /severity and /close', () => {
    it('records the first response once (Service) and tells whether the target was met', async () => {
      const caseId = await openedCase({ severity: 'C' });
      const respondedAt = new Date(Date.now() + HOUR_MS).toISOString();
      // Reported after it happened: a response in the future is refused (domain.md §5).
      hub.setNow(new Date(Date.now() + 2 * HOUR_MS).toISOString());
      const response = await action(f.service, caseId, 'responses', { respondedAt });
      hub.setNow(null);
      expect(response.status).toBe(200);
      const [, recorded] = await hub.events.readStream(`case-${caseId}`);
      expect(recorded.data).toMatchObject({ respondedAt, responseTargetMet: true });
      const before = await hub.settledEventCount();
      expect((await action(f.service, caseId, 'responses', { respondedAt })).status).toBe(200);
      expect((await hub.allEvents()).length).toBe(before);
    });

    it('responses: 400 (not an instant; unknown field), 401, 403 (not Service), 404', async () => {
      const caseId = await openedCase();
      const respondedAt = new Date().toISOString();
      expect(
        (await f.refused(() => action(f.service, caseId, 'responses', { respondedAt: 'soon' })))
          .status,
      ).toBe(400);
      expect(
        (await f.refused(() => action(f.service, caseId, 'responses', { respondedAt, by: 'x' })))
          .status,
      ).toBe(400);
      expect(
        (await f.refused(() => action(undefined, caseId, 'responses', { respondedAt }))).status,
      ).toBe(401);
      expect(
        (await f.refused(() => action(adminToken, caseId, 'responses', { respondedAt }))).status,
      ).toBe(403);
      expect(
        (await f.refused(() => action(f.service, 'nope', 'responses', { respondedAt }))).status,
      ).toBe(404);
    });

    it('changes the severity (a new target from the change) with 400, 401, 403, 404', async () => {
      const caseId = await openedCase({ severity: 'C' });
      const changed = await action(f.tokenOf(opener), caseId, 'severity', { severity: 'A' });
      expect(changed.status).toBe(200);
      const [, event] = await hub.events.readStream(`case-${caseId}`);
      expect(event.type).toBe('CaseSeverityChanged');
      expect(Date.parse(event.data.initialResponseDueAt as string)).toBe(
        Date.parse(event.data.changedAt as string) + 2 * HOUR_MS,
      );
      expect(
        (await f.refused(() => action(adminToken, caseId, 'severity', { severity: 'Z' }))).status,
      ).toBe(400);
      expect(
        (await f.refused(() => action(adminToken, caseId, 'severity', { severity: 'B', x: 1 })))
          .status,
      ).toBe(400);
      expect(
        (await f.refused(() => action(undefined, caseId, 'severity', { severity: 'B' }))).status,
      ).toBe(401);
      expect(
        (await f.refused(() => action(f.tokenOf(colleague), caseId, 'severity', { severity: 'B' })))
          .status,
      ).toBe(404);
      expect(
        (await f.refused(() => action(otherAdminToken, caseId, 'severity', { severity: 'B' })))
          .status,
      ).toBe(404);
      expect(
        (await f.refused(() => action(adminToken, 'nope', 'severity', { severity: 'B' }))).status,
      ).toBe(404);
    });

    it('closes (primary contact or Service) with 400, 401, 403, 404 and 409 case_already_closed', async () => {
      const caseId = await openedCase();
      const close = (token: string | undefined, body: object, id = caseId) =>
        action(token, id, 'close', body);
      expect((await f.refused(() => close(f.tokenOf(opener), { resolution: '' }))).status).toBe(
        400,
      );
      expect(
        (await f.refused(() => close(f.tokenOf(opener), { resolution: 'x', y: 1 }))).status,
      ).toBe(400);
      expect((await f.refused(() => close(undefined, { resolution: 'x' }))).status).toBe(401);
      expect((await f.refused(() => close(f.tokenOf(colleague), { resolution: 'x' }))).status).toBe(
        404,
      );
      expect((await f.refused(() => close(otherAdminToken, { resolution: 'x' }))).status).toBe(404);
      expect((await f.refused(() => close(f.service, { resolution: 'x' }, 'nope'))).status).toBe(
        404,
      );
      expect((await close(f.tokenOf(opener), { resolution: 'fixed' })).status).toBe(200);
      const again = await f.refused(() => close(f.service, { resolution: 'again' }));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('case_already_closed');
      const shareClosed = await f.refused(() =>
        action(adminToken, caseId, 'shares', { userId: colleague.sub }),
      );
      expect(shareClosed.body.code).toBe('case_closed');
    });
  });
});

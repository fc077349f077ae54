import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceId } from '@hub/domain';
import { invitationIdFor } from '@hub/domain/workspaces/workspace.state';
import { ENTITLEMENTS } from '../hub.fixtures';
import { ChildAnswer, ChildHub, freePort } from './child-hub';

const KILLS = 4;
const SENDERS = 4;
/** Answers a round waits for before the kill; the senders keep sending while it lands. */
const ANSWERS_BEFORE_KILL = 12;

interface Keyed {
  key: string;
  path: string;
  token: string;
  body: object;
  /** What it answered before a crash, if it was answered at all. */
  answer?: ChildAnswer;
}

/** The id an answer names: the case opened or the consumption logged. */
const idOf = (answer: ChildAnswer) => answer.body.caseId ?? answer.body.consumptionId;

// Issue 18 item 4: the Idempotency-Key answer was recorded apart from the command's events, so a
// crash between the two left keys that answered 409 `case_already_exists` forever.
describe('keyed requests across SIGKILLs of the hub process', () => {
  let dataDir: string;
  let hub: ChildHub;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hub-idempotency-crash-'));
    hub = new ChildHub(dataDir, await freePort());
  });
  afterAll(async () => {
    await hub.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every key 2xx after the restarts, those answered before a crash with the same ids', async () => {
    await hub.start();
    const csam = hub.token({
      sub: 'csam-1',
      email: 'csam@provider.example',
      roles: ['CSAM'],
      orgKind: 'provider',
    });
    const service = hub.token({ sub: 'delivery', roles: ['Service'], orgKind: 'provider' });
    const admin = { sub: 'sa-1', email: 'sa@contoso.example' };
    const adminToken = hub.token({ ...admin, roles: [], orgKind: 'customer', accountType: 'work' });
    const ok = async (path: string, token: string, body: object = {}) => {
      const answer = await hub.call('POST', path, { token, body });
      if (answer.status >= 300)
        throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const { agreementId, defaultWorkspaceId } = await ok('/v1/agreements', csam, {
      customer: { orgId: 'org-contoso', name: 'Contoso' },
      type: 'unified',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      serviceAdministrator: { email: admin.email, name: 'SA' },
      namedContacts: [],
    });
    await ok(
      `/v1/invitations/${invitationIdFor(defaultWorkspaceId as WorkspaceId, admin.email)}/accept`,
      adminToken,
    );
    const { contractId } = await ok(`/v1/agreements/${agreementId}/contracts`, csam, {
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      entitlements: ENTITLEMENTS,
    });

    const sent: Keyed[] = [];
    const next = (): Keyed => {
      const n = sent.length;
      const keyed: Keyed =
        n % 2 === 0
          ? {
              key: `open-${n}`,
              path: '/v1/cases',
              token: adminToken,
              body: {
                workspaceId: defaultWorkspaceId,
                severity: 'B',
                type: 'problem-resolution',
                product: 'Azure',
                title: `case ${n}`,
              },
            }
          : {
              key: `log-${n}`,
              path: '/v1/consumption',
              token: service,
              body: {
                consumptionId: `cons-${n}`,
                contractId,
                entitlementId: 'dse-hours',
                quantity: 0.1,
                deliveredOn: '2026-03-02',
                reference: { kind: 'engagement', id: `eng-${n}` },
              },
            };
      sent.push(keyed);
      return keyed;
    };
    const send = (keyed: Keyed) =>
      hub.call('POST', keyed.path, { token: keyed.token, key: keyed.key, body: keyed.body });

    for (let round = 0; round < KILLS; round += 1) {
      if (round > 0) await hub.start();
      let answered = 0;
      let killed = false;
      // Senders stream keyed requests until the kill cuts them (a request in flight just fails).
      const sender = async () => {
        while (!killed) {
          const keyed = next();
          const answer = await send(keyed).catch(() => null);
          if (!answer || killed) continue;
          expect(answer.status).toBeLessThan(300);
          keyed.answer = answer;
          answered += 1;
        }
      };
      const senders = Array.from({ length: SENDERS }, sender);
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (answered < ANSWERS_BEFORE_KILL) return;
          clearInterval(check);
          killed = true;
          hub.kill().then(resolve, reject);
        }, 1);
      });
      await Promise.all(senders);
    }

    await hub.start();
    for (const keyed of sent) {
      const again = await send(keyed);
      expect({ key: keyed.key, status: again.status, body: again.body }).toEqual({
        key: keyed.key,
        status: 201,
        body: expect.anything(),
      });
      if (keyed.answer)
        expect({ key: keyed.key, id: idOf(again) }).toEqual({
          key: keyed.key,
          id: idOf(keyed.answer),
        });
    }
    expect(sent.filter((keyed) => keyed.answer).length).toBeGreaterThanOrEqual(
      KILLS * ANSWERS_BEFORE_KILL,
    );
  }, 480_000);
});

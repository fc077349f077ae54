import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgreementId } from '@hub/domain';
import { defaultWorkspaceIdFor } from '@hub/domain/agreements/agreement.decider';
import { invitationIdFor } from '@hub/domain/workspaces/workspace.state';
import { SqliteEventStore } from '@hub/event-store';
import { eventually } from '@hub/testing';
import { TestHub } from '../test-hub';

describe('default workspace after a crash right after AgreementActivated', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-crash-'));
  let hub: TestHub | undefined;

  afterAll(async () => {
    await hub?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is completed from the log on start: workspace, invitations and their id claims', async () => {
    const agreementId = 'agr-crashed' as AgreementId;
    const workspaceId = defaultWorkspaceIdFor(agreementId);
    const people = [
      { email: 'sa@contoso.example', name: 'Sam Admin' },
      { email: 'nc@contoso.example', name: 'Nina Contact' },
    ];
    // The process died right after this append: nothing else was written.
    const store = new SqliteEventStore({
      file: join(dataDir, 'events.sqlite'),
      synchronous: 'FULL',
    });
    const at = '2026-03-02T09:00:00.000Z';
    await store.appendToStream(
      `agreement-${agreementId}`,
      [
        {
          type: 'AgreementActivated',
          data: {
            agreementId,
            customer: { orgId: 'org-contoso', name: 'Contoso' },
            agreementType: 'unified',
            startsOn: '2026-01-01',
            endsOn: '2027-12-31',
            serviceAdministrator: people[0],
            namedContacts: [people[1]],
            allowPersonalAccounts: false,
            defaultWorkspaceId: workspaceId,
            activatedAt: at,
          },
          metadata: {
            eventId: 'b7d0f7a4-3f57-4c1e-9a55-6f1f3b0c0001',
            schemaVersion: 1,
            correlationId: 'crash-test',
            causationId: 'crash-test',
            actor: { userId: 'csam-1', roles: ['CSAM'] },
            source: 'api',
            occurredAt: at,
          },
        },
      ],
      'no_stream',
    );
    await store.close();

    hub = await TestHub.start({ DATA_DIR: dataDir });
    const events = hub.events;
    const claims = people.map((p) => `id-invitation-${invitationIdFor(workspaceId, p.email)}`);
    await eventually(async () => {
      const claimed = await Promise.all(claims.map((stream) => events.readStream(stream)));
      return claimed.every((stream) => stream.length === 1);
    });
    const workspace = await events.readStream(`workspace-${workspaceId}`);
    expect(workspace.map((event) => event.type)).toEqual([
      'WorkspaceCreated',
      'MemberInvited',
      'MemberInvited',
    ]);
    expect(workspace.map((event) => event.data.email).slice(1)).toEqual(people.map((p) => p.email));
    for (const stream of claims) {
      const [claim] = await events.readStream(stream);
      expect(claim.data.ownerStream).toBe(`workspace-${workspaceId}`);
    }
  });
});

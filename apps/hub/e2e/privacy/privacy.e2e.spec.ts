import { readFileSync, existsSync } from 'node:fs';
import { eventually } from '@hub/testing';
import { SubjectKeyStore } from '@hub/event-store';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { activateAgreement } from '../hub.fixtures';
import { TestHub } from '../test-hub';
import {
  documents as allDocuments,
  directoryMessage,
  settled as settledHub,
} from './privacy.fixtures';

const ERASED_EMAIL = 'sam.erasable@erase.example';
const KEPT_EMAIL = 'nora.kept@erase.example';
const ANY_ADDRESS = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

describe('POST /v1/privacy/subjects/{subjectId}/erase (crypto-shredding)', () => {
  let hub: TestHub;
  let operator: string;
  let auditor: string;
  const inviteeToken = (email: string) =>
    hub.token({ sub: `u-${email}`, email, roles: [], orgKind: 'customer', accountType: 'work' });

  const settled = () => settledHub(hub, operator);
  const documents = () => allDocuments(hub);

  const rebuildAll = async () => {
    for (const { name } of ALL_PROJECTIONS)
      expect(
        (await hub.call('POST', `/v1/projections/${name}/rebuild`, { token: operator })).status,
      ).toBe(202);
    await settled();
  };

  const invitationsOf = async (email: string) =>
    (await hub.call('GET', '/v1/invitations', { token: inviteeToken(email) })).body.invitations;

  beforeAll(async () => {
    hub = await TestHub.start();
    operator = hub.token({ sub: 'ops-1', roles: ['Operator'], orgKind: 'provider' });
    auditor = hub.token({ sub: 'aud-1', roles: ['Auditor'], orgKind: 'provider' });
    await activateAgreement(
      hub,
      { orgId: 'org-e', name: 'Erase Ltd' },
      { email: ERASED_EMAIL, name: 'Sam Erasable' },
      { namedContacts: [{ email: KEPT_EMAIL, name: 'Nora Kept' }] },
    );
    // The directory knows the same person by user id, with their name.
    await directoryMessage(hub, 'dir-1', 'UserUpserted', {
      userId: 'user-sam',
      orgId: 'org-e',
      email: ERASED_EMAIL,
      firstName: 'Sam',
      lastName: 'Erasable',
      displayName: 'Sam Erasable',
      status: 'active',
      licences: [],
      devices: [],
      features: [],
    });
    await eventually(async () => (await invitationsOf(ERASED_EMAIL)).length === 1, 10_000);
    await settled();
  });

  afterAll(() => hub.stop());

  it('keeps no e-mail address in plain text in the event file', async () => {
    const file = (hub.config.eventStore as { file: string }).file;
    for (const part of [file, `${file}-wal`].filter(existsSync)) {
      const text = readFileSync(part).toString('latin1');
      expect(text).not.toMatch(ANY_ADDRESS);
      expect(text).not.toContain('Sam Erasable');
    }
    // Yet every reader sees the data, opened.
    const log = await hub.call('GET', '/v1/audit/events?limit=1000', { token: auditor });
    expect(JSON.stringify(log.body)).toContain(ERASED_EMAIL);
  });

  it('erases a person by user id: every read shows [erased], the others stay, the chain verifies', async () => {
    await settled();
    const before = JSON.stringify(await documents());
    expect(before).toContain(ERASED_EMAIL);
    expect(before).toContain('Sam Erasable');
    // Rebuild, then erase (the erasure rebuilds every projection itself).
    await rebuildAll();
    const erased = await hub.call('POST', '/v1/privacy/subjects/user-sam/erase', {
      token: operator,
    });
    expect(erased.status).toBe(200);
    // The user id names the address the directory gave beside it: one subject's keys erased.
    expect(erased.body).toMatchObject({ subjectKind: 'user', keysErased: 1 });
    expect(erased.body.rebuilding).toEqual(expect.arrayContaining(['access', 'helpdesk', 'cases']));
    await settled();

    const log = JSON.stringify(
      (await hub.call('GET', '/v1/audit/events?limit=1000', { token: auditor })).body,
    );
    expect(log).not.toContain(ERASED_EMAIL);
    expect(log).not.toContain('Sam Erasable');
    expect(log).toContain('[erased]');
    expect(log).toContain(KEPT_EMAIL);
    expect(log).toContain('SubjectErased');
    // Projections rebuilt from the log: the erased address no longer finds its invitation.
    expect(await invitationsOf(ERASED_EMAIL)).toEqual([]);
    expect(await invitationsOf(KEPT_EMAIL)).toHaveLength(1);
    const streamRead = await hub.call('GET', '/v1/audit/streams/directory-user-user-sam', {
      token: auditor,
    });
    expect(streamRead.body.events[0].data).toMatchObject({
      userId: 'user-sam',
      email: '[erased]',
      displayName: '[erased]',
    });
    const verified = await hub.call('GET', '/v1/audit/verify', { token: auditor });
    expect(verified.body).toMatchObject({ verified: true });

    // No read model keeps the person (help-desk views and CSV exports read these documents),
    // and rebuilding after the erasure gives the documents the erasure left.
    const afterErasure = await documents();
    const text = JSON.stringify(afterErasure);
    expect(text).not.toContain(ERASED_EMAIL);
    expect(text).not.toContain('Sam Erasable');
    // The kept person is still found by their address (its keyed hash: no address is held).
    expect(text).toContain(hub.app.get(SubjectKeyStore).addressKey(KEPT_EMAIL));
    await rebuildAll();
    expect(await documents()).toEqual(afterErasure);
  });

  it('needs the Operator role', async () => {
    const refused = await hub.call('POST', `/v1/privacy/subjects/${KEPT_EMAIL}/erase`, {
      token: auditor,
    });
    expect(refused.status).toBe(403);
    expect(await invitationsOf(KEPT_EMAIL)).toHaveLength(1);
  });
});

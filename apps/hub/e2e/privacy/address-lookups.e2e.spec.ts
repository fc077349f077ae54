import { existsSync, readFileSync } from 'node:fs';
import { SWITCH_GRACE_MS } from '@hub/projection/projection-runner';
import { eventually } from '@hub/testing';
import { activateAgreement } from '../hub.fixtures';
import { registerPartner, tokens } from '../partner-cases/csp.fixtures';
import { TestHub } from '../test-hub';
import { directoryMessage, documents, settled } from './privacy.fixtures';

// Written differently each time it is looked up: lookups key the normalised address.
const ADDRESS = 'lea.lookup@lookups.example';
const SHOUTED = ' Lea.Lookup@LOOKUPS.example ';
const NAME = 'Lea Lookup';
const PARTNER = 'p-lookups';

describe('Look-ups by e-mail address keep no address in the read models (keyed hashes)', () => {
  let hub: TestHub;
  let operator: string;
  let agent: string;

  const lea = () => hub.token({ sub: 'u-lea', email: SHOUTED.trim(), orgKind: 'customer' });
  const invitations = async () =>
    (await hub.call('GET', '/v1/invitations', { token: lea() })).body.invitations;
  const search = async (q: string) =>
    (
      await hub.call('GET', `/v1/helpdesk/search?q=${encodeURIComponent(q)}`, {
        token: agent,
      })
    ).body;
  const userView = async () =>
    (await hub.call('GET', '/v1/helpdesk/users/user-lea', { token: agent })).body;
  /** The read-model file and its WAL, as bytes an attacker with the disk would read. */
  const readModelFiles = () => {
    const { file } = hub.config.readStore as { file: string };
    return [file, `${file}-wal`]
      .filter(existsSync)
      .map((part) => readFileSync(part).toString('latin1'));
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    operator = hub.token({ sub: 'ops-1', roles: ['Operator'], orgKind: 'provider' });
    await registerPartner(hub, PARTNER, 'indirect-provider');
    agent = tokens(hub).partner(PARTNER, [], 'agent-1');
    const granted = await hub.call('POST', `/v1/partners/${PARTNER}/helpdesk-agents`, {
      token: tokens(hub).partner(PARTNER, ['PartnerAdmin']),
      body: { userId: 'agent-1' },
    });
    expect(granted.status).toBe(201);
    await activateAgreement(
      hub,
      { orgId: 'org-lookups', name: 'Lookups Ltd' },
      { email: ADDRESS, name: NAME },
    );
    await directoryMessage(hub, 'dir-org', 'OrganizationUpserted', {
      orgId: 'org-lookups',
      name: 'Lookups Ltd',
      createdAt: '2026-01-01T00:00:00Z',
      domains: [{ name: 'lookups.example', status: 'verified' }],
      sites: [],
      orderNumbers: [],
      managedByPartnerIds: [PARTNER],
      administrators: [{ userId: 'user-lea', email: ADDRESS }],
      licences: [],
    });
    await directoryMessage(hub, 'dir-user', 'UserUpserted', {
      userId: 'user-lea',
      orgId: 'org-lookups',
      email: ADDRESS,
      firstName: 'Lea',
      lastName: 'Lookup',
      displayName: NAME,
      status: 'active',
      licences: [],
      devices: [],
      features: [],
    });
    await directoryMessage(hub, 'mail-1', 'EmailSuppressed', {
      email: SHOUTED.trim(),
      reason: 'hard bounce',
    });
    await settled(hub, operator);
  });

  afterAll(() => hub.stop());

  it('finds the invitation, her notifications, the help-desk user and the suppression by the address, holding only its keyed hash for them', async () => {
    await eventually(async () => (await invitations()).length === 1, 10_000, 'the invitation');
    const notified = await hub.call('GET', '/v1/notifications', { token: lea() });
    expect(notified.body.notifications).toContainEqual(
      expect.objectContaining({ kind: 'invitation', to: ADDRESS }),
    );
    const found = await search(SHOUTED);
    expect(found.users).toEqual([
      expect.objectContaining({ userId: 'user-lea', matchedOn: 'email', email: ADDRESS }),
    ]);
    // Only the whole address finds it: no part of it is indexed.
    expect((await search('lea.lookup')).users).toEqual([]);
    expect(await userView()).toMatchObject({
      email: ADDRESS,
      suppressed: true,
      suppression: { reason: 'hard bounce' },
    });
    const all = await documents(hub);
    for (const lookup of ['access/invitations', 'helpdesk/suppressions', 'helpdesk/terms'])
      expect(JSON.stringify(all[lookup])).not.toMatch(/lea\.lookup/i);
  });

  it('after an erasure and the rebuild, no read-model file holds the address or the name', async () => {
    const erased = await hub.call('POST', '/v1/privacy/subjects/user-lea/erase', {
      token: operator,
    });
    expect(erased.status).toBe(200);
    await settled(hub, operator);
    await eventually(
      () => readModelFiles().every((text) => !/lea\.lookup/i.test(text) && !text.includes(NAME)),
      // The replaced builds are dropped once queries that started on them had time to end.
      SWITCH_GRACE_MS + 10_000,
      'no trace of the person in read-models.sqlite or its WAL',
    );
    // The do-not-contact list still answers for the address (by its keyed hash).
    expect(await userView()).toMatchObject({ email: '[erased]', suppressed: true });
    // Nor does any help-desk view, search or audit read (as of now) show her.
    const orgView = await hub.call('GET', '/v1/helpdesk/orgs/org-lookups', { token: agent });
    expect(orgView.body.administrators).toEqual([expect.objectContaining({ email: '[erased]' })]);
    // An erased person is found by no address (only the do-not-contact list still answers).
    expect((await search(ADDRESS)).users).toEqual([]);
    expect((await search('Lea')).users).toEqual([]);
    const auditor = hub.token({ sub: 'aud-1', roles: ['Auditor'], orgKind: 'provider' });
    const head = String(await hub.events.headPosition());
    const asOf = await hub.call(
      'GET',
      `/v1/audit/projections/helpdesk/users/user-lea?asOf=${head}&partnerId=${PARTNER}`,
      { token: auditor },
    );
    expect(asOf.status).toBe(200);
    expect(JSON.stringify([orgView.body, asOf.body])).not.toMatch(/lea\.lookup|Lea Lookup/i);
    expect(await invitations()).toEqual([]);
    // The outbox kept the invitation to her, without her address or what it said to her.
    const service = hub.token({ sub: 'mail', roles: ['Service'], orgKind: 'provider' });
    const outbox = await hub.call('GET', '/v1/notifications/outbox?limit=100', { token: service });
    expect(outbox.body.notifications).toContainEqual(
      expect.objectContaining({ kind: 'invitation', to: '[erased]', data: {} }),
    );
  });
});

import Database from 'better-sqlite3';
import { createPublicKey, verify } from 'node:crypto';
import { activateAgreement } from '../hub.fixtures';
import { TestHub } from '../test-hub';

/** The signed text as the route's documentation states it, rebuilt from the digest's own fields. */
const digestText = (d: { position: string; hash: string; signedAt: string }): string =>
  `hub-audit-digest/v1\n${d.position}\n${d.hash}\n${d.signedAt}`;

describe('GET /v1/audit/verify and /v1/audit/digest', () => {
  let hub: TestHub;
  let auditor: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    auditor = hub.token({ sub: 'aud-1', roles: ['Auditor'], orgKind: 'provider' });
    await activateAgreement(
      hub,
      { orgId: 'org-i', name: 'Integrity Ltd' },
      { email: 'sa@integrity.example', name: 'Sa' },
    );
  });

  afterAll(() => hub.stop());

  it('verifies the whole log and a range of it', async () => {
    const head = String(await hub.events.headPosition());
    const all = await hub.call('GET', '/v1/audit/verify', { token: auditor });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ verified: true, checkedFrom: '1', checkedTo: head });
    expect(all.body.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(all.body.firstMismatch).toBeUndefined();
    const range = await hub.call('GET', '/v1/audit/verify?fromPosition=2&toPosition=3', {
      token: auditor,
    });
    expect(range.body).toMatchObject({
      verified: true,
      checkedFrom: '2',
      checkedTo: '3',
      checked: 2,
    });
  });

  it('signs a digest of the head that checks with the published public key', async () => {
    type Digest = { position: string; hash: string; signedAt: string; signature: string };
    const digest = await hub.call<Digest>('GET', '/v1/audit/digest', { token: auditor });
    expect(digest.status).toBe(200);
    expect(digest.body).toMatchObject({
      position: String(await hub.events.headPosition()),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      algorithm: 'Ed25519',
    });
    // The key is published without a token: anyone holding a digest can check it.
    const published = await hub.call('GET', '/v1/audit/digest/public-key');
    expect(published.status).toBe(200);
    const key = createPublicKey(published.body.publicKey);
    const signature = Buffer.from(digest.body.signature, 'base64');
    expect(verify(null, Buffer.from(digestText(digest.body)), key, signature)).toBe(true);
    const forged = { ...digest.body, position: '1' };
    expect(verify(null, Buffer.from(digestText(forged)), key, signature)).toBe(false);
    // The digest's hash is what verify reports as the head hash up to that position.
    const checked = await hub.call('GET', `/v1/audit/verify?toPosition=${digest.body.position}`, {
      token: auditor,
    });
    expect(checked.body.headHash).toBe(digest.body.hash);
  });

  it('takes position 0 as before the first event (a schema-valid range Schemathesis found refused)', async () => {
    for (const range of ['toPosition=0', 'fromPosition=0&toPosition=0']) {
      const none = await hub.call('GET', `/v1/audit/verify?${range}`, { token: auditor });
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ verified: true, checked: 0 });
    }
    const all = await hub.call('GET', '/v1/audit/verify', { token: auditor });
    const fromZero = await hub.call('GET', '/v1/audit/verify?fromPosition=0', { token: auditor });
    expect(fromZero.status).toBe(200);
    expect(fromZero.body).toEqual(all.body);
  });

  it('answers 400 for a malformed range and 403 without the Auditor role', async () => {
    const bad = await hub.call('GET', '/v1/audit/verify?fromPosition=x', { token: auditor });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
    expect(bad.body.details.fromPosition).toBeDefined();
    const reversed = await hub.call('GET', '/v1/audit/verify?fromPosition=5&toPosition=2', {
      token: auditor,
    });
    expect(reversed.status).toBe(400);
    const csam = hub.token({ sub: 'csam-1', roles: ['CSAM'], orgKind: 'provider' });
    expect((await hub.call('GET', '/v1/audit/digest', { token: csam })).status).toBe(403);
  });

  it('reports a row rewritten in the file with its position', async () => {
    const raw = new Database((hub.config.eventStore as { file: string }).file);
    raw
      .prepare(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE position = 2`)
      .run();
    raw.close();
    const answer = await hub.call('GET', '/v1/audit/verify', { token: auditor });
    expect(answer.body).toMatchObject({
      verified: false,
      checkedTo: '1',
      firstMismatch: { position: '2', reason: 'hash_mismatch' },
    });
  });
});

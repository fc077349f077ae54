import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_UPCASTERS } from '@hub/domain';
import { newEvent, take } from '../conformance/conformance.fixtures';
import { NO_STREAM, RecordedEvent } from '../event-store.port';
import { Upcasters } from '../upcasting/upcasters';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'hub-upcasting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const v1Issued = {
  userId: 'user-1',
  email: 'ann@contoso.example',
  partnerId: 'partner-1',
  issuedBy: 'agent-1',
  salt: 'salt',
  codeHash: 'f'.repeat(64),
  issuedAt: '2024-05-01T10:00:00.000Z',
  expiresAt: '2024-05-01T10:10:00.000Z',
};

describe('SqliteEventStore with the domain upcasters', () => {
  let store: SqliteEventStore;
  beforeAll(async () => {
    const file = join(dir, 'events.sqlite');
    // Written as an older hub wrote it: version 1, before maxWrongTries existed.
    const old = new SqliteEventStore(file);
    await old.appendToStream(
      'verification-user-1',
      [
        newEvent('VerificationCodeIssued', v1Issued, { schemaVersion: 1 }),
        newEvent('VerificationCodeIssued', { ...v1Issued, maxWrongTries: 3 }, { schemaVersion: 2 }),
        newEvent('VerificationCodeConfirmed', { userId: 'user-1' }, { schemaVersion: 1 }),
      ],
      NO_STREAM,
    );
    await old.close();
    store = new SqliteEventStore({ file, upcasters: new Upcasters(EVENT_UPCASTERS) });
  });
  afterAll(() => store.close());

  const shapes = (events: RecordedEvent[]) =>
    events.map((e) => [
      e.type,
      e.metadata.schemaVersion,
      (e.data as { maxWrongTries?: number }).maxWrongTries,
    ]);
  const expected = [
    ['VerificationCodeIssued', 2, 5],
    ['VerificationCodeIssued', 2, 3],
    ['VerificationCodeConfirmed', 1, undefined],
  ];

  it('reads a stored v1 VerificationCodeIssued as v2 (the fifth wrong try locks) in readStream', async () => {
    expect(shapes(await store.readStream('verification-user-1'))).toEqual(expected);
    const [v1] = await store.readStream('verification-user-1', { maxCount: 1 });
    expect(v1.data).toEqual({ ...v1Issued, maxWrongTries: 5 });
  });

  it('reads it as v2 in readAll, with and without deferred metadata', async () => {
    expect(shapes(await store.readAll())).toEqual(expected);
    expect(shapes(await store.readAll({ deferMetadata: true }))).toEqual(expected);
  });

  it('delivers it as v2 to subscriptions', async () => {
    const subscription = store.subscribeToAll();
    const delivered = await take(subscription, 3);
    await subscription.close();
    expect(shapes(delivered)).toEqual(expected);
  });

  it('leaves the stored row as it was written: the chain still verifies', async () => {
    expect(await store.verifyChain()).toMatchObject({ verified: true, checked: 3 });
  });
});

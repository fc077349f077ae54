import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED, PERSONAL_DATA } from '@hub/domain';
import { newEvent } from '../conformance/conformance.fixtures';
import { NO_STREAM } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { PersonalDataCodec, addressKeyOf } from './personal-data-codec';
import { PersonalDataEventStore } from './personal-data-event-store';
import { SubjectKeyStore } from './subject-keys';

const dir = mkdtempSync(join(tmpdir(), 'hub-personal-data-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = {
  userId: 'user-7',
  orgId: 'org-1',
  email: 'Ann.Lee@Contoso.Example',
  firstName: 'Ann',
  lastName: 'Lee',
  displayName: 'Ann Lee',
  status: 'active',
  licences: [],
  devices: [],
  features: [],
};

function open() {
  n += 1;
  const file = join(dir, `events-${n}.sqlite`);
  const engine = new SqliteEventStore(file);
  const keys = new SubjectKeyStore(join(dir, `keys-${n}.sqlite`), randomBytes(32));
  const store = new PersonalDataEventStore(
    engine,
    new PersonalDataCodec(PERSONAL_DATA, keys, ERASED),
  );
  return { file, engine, keys, store };
}

describe('PersonalDataEventStore on SQLite (crypto-shredding)', () => {
  it('stores sealed text, reads it opened, and keeps the actor address out of the file', async () => {
    const { file, engine, store } = open();
    await store.appendToStream(
      'directory-user-user-7',
      [newEvent('UserUpserted', user, { actor: { userId: 'op-1', email: 'op@provider.example' } })],
      NO_STREAM,
    );
    const [read] = await store.readStream('directory-user-user-7');
    expect(read.data).toEqual(user);
    expect(read.metadata.actor.email).toBe('op@provider.example');
    const [stored] = await engine.readStream('directory-user-user-7');
    expect(stored.data).toMatchObject({ userId: 'user-7', status: 'active' });
    for (const field of ['email', 'firstName', 'lastName', 'displayName'])
      expect((stored.data as Record<string, string>)[field]).toMatch(/^pd1\./);
    await store.close();
    expect(readFileSync(file).toString('latin1')).not.toMatch(/@[a-z]+\.example/i);
  });

  it('erasing by user id erases the address sealed beside it; others stay readable', async () => {
    const { keys, store } = open();
    await store.appendToStream(
      'directory-user-user-7',
      [newEvent('UserUpserted', user)],
      NO_STREAM,
    );
    await store.appendToStream(
      'agreement-1',
      [
        newEvent('AgreementActivated', {
          agreementId: 'a-1',
          serviceAdministrator: { email: 'ann.lee@contoso.example', name: 'Ann Lee' },
          namedContacts: [{ email: 'bo@contoso.example', name: 'Bo' }],
        }),
      ],
      NO_STREAM,
    );
    const refs = keys.resolve(keys.ref('user:user-7'));
    expect(keys.erase(refs, '2026-01-01T00:00:00.000Z')).toBe(1);
    const [upserted] = await store.readStream('directory-user-user-7');
    expect(upserted.data).toMatchObject({
      email: ERASED,
      firstName: ERASED,
      displayName: ERASED,
      userId: 'user-7',
    });
    const [activated] = await store.readAll({ filter: { eventTypes: ['AgreementActivated'] } });
    // The same person named by address elsewhere is erased too; the other contact is not.
    expect(activated.data).toMatchObject({
      serviceAdministrator: { email: ERASED, name: ERASED },
      namedContacts: [{ email: 'bo@contoso.example', name: 'Bo' }],
    });
    // A later fact about the address gets a new key: readable, while the old stays erased.
    await store.appendToStream('directory-user-user-7', [newEvent('UserUpserted', user)], 0);
    const [old, fresh] = await store.readStream('directory-user-user-7');
    expect(old.data).toMatchObject({ email: ERASED });
    expect(fresh.data).toMatchObject({ email: user.email });
    expect(
      await (store as unknown as { inner: SqliteEventStore }).inner.verifyChain(),
    ).toMatchObject({
      verified: true,
    });
    await store.close();
  });

  it('keeps the metadata in a spread of an event read through it (regression: the workflows spread events and lost it)', async () => {
    const { store } = open();
    await store.appendToStream(
      'directory-user-user-7',
      [newEvent('UserUpserted', user, { actor: { userId: 'op-1', email: 'op@provider.example' } })],
      NO_STREAM,
    );
    const [read] = await store.readStream('directory-user-user-7');
    const spread = { ...read };
    expect(spread.metadata.actor).toEqual({ userId: 'op-1', email: 'op@provider.example' });
    await store.close();
  });

  it('keys an address the same however it is written, and differently under another master key', () => {
    const { keys } = open();
    expect(keys.addressKey(' Ann.Lee@Contoso.Example ')).toBe(
      keys.addressKey('ann.lee@contoso.example'),
    );
    expect(keys.addressKey('ann.lee@contoso.example')).toMatch(/^[0-9a-f]{32}$/);
    const other = new SubjectKeyStore(':memory:', randomBytes(32));
    expect(other.addressKey('ann.lee@contoso.example')).not.toBe(
      keys.addressKey('ann.lee@contoso.example'),
    );
  });

  it('gives every opened record the keyed hash of its address, never serialised, and kept after an erasure', async () => {
    const { keys, store } = open();
    await store.appendToStream(
      'directory-user-user-7',
      [newEvent('UserUpserted', user)],
      NO_STREAM,
    );
    const addressKey = keys.addressKey(user.email);
    const [read] = await store.readStream('directory-user-user-7');
    expect(addressKeyOf(read.data)).toBe(addressKey);
    expect(JSON.stringify(read.data)).not.toContain(addressKey);
    expect(addressKeyOf({ ...read.data })).toBeUndefined();
    keys.erase(keys.resolve(keys.ref('user:user-7')), '2026-01-01T00:00:00.000Z');
    const [erased] = await store.readStream('directory-user-user-7');
    expect(erased.data).toMatchObject({ email: ERASED });
    expect(addressKeyOf(erased.data)).toBe(addressKey);
    await store.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED, PERSONAL_DATA } from '@hub/domain';
import {
  ANY,
  GlobalPosition,
  NewEvent,
  PersonalDataCodec,
  PersonalDataEventStore,
  SqliteEventStore,
} from '@hub/event-store';
import { testSubjectKeys } from '@hub/testing/event-store/test-subject-keys';
import { ProjectionFold } from '@hub/testing/projection/projection-specs';
import { ALL_PROJECTIONS } from './index';

// Erasure and rebuild commute (issue 21): on generated histories, a build that was live when
// a person was erased (rebuilt then, as the erase route does, and live again after) holds the
// same documents as a build made from scratch after the erasure. A seeded generator stands in
// for a property-testing library (none is installed); each seed is one reproducible history.

const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i);
const PERSONS = 4;

/** mulberry32: small, seeded, good enough to vary histories. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  userId: string;
  email: string;
  /** Changes at the erasure, so what was said of them before can be looked for after. */
  name: string;
}

const person = (seed: number, i: number, era: string): Person => ({
  userId: `user-${i}`,
  // Written differently from time to time: lookups key the normalised address.
  email: i % 2 ? `Person${i}@Gen${seed}.example` : `person${i}@gen${seed}.example`,
  name: `Ann${i}${era}`,
});

let n = 0;
function event(type: string, data: Record<string, unknown>): [string, NewEvent] {
  n += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  const stream = `gen-${type}-${n % 5}`;
  return [
    stream,
    {
      type,
      data: { ...data, at, invitedAt: at, acceptedAt: at, recordedAt: at, removedAt: at },
      metadata: {
        eventId: `gen-${n}`,
        schemaVersion: 1,
        correlationId: 'gen',
        causationId: 'gen',
        actor: { service: 'gen' },
        source: 'gen',
        occurredAt: at,
      },
    },
  ];
}

/** One random fact carrying a person's data, of a type the access or help-desk models fold. */
function fact(rnd: () => number, p: Person, pick = Math.floor(rnd() * 7)): [string, NewEvent] {
  const [first, last] = [p.name, `Lee${p.userId}`];
  const invitationId = `inv-${p.userId}-${Math.floor(rnd() * 3)}`;
  const user = { userId: p.userId, orgId: 'org-1', email: p.email };
  switch (pick) {
    case 0:
      return event('MemberInvited', {
        ...{ invitationId, workspaceId: 'w1', email: p.email, name: p.name },
        intendedRoles: ['Member'],
      });
    case 1:
      return event('InvitationAccepted', {
        ...user,
        ...{ invitationId, workspaceId: 'w1', accountType: 'work', customerAdministrator: false },
      });
    case 2:
      return event('UserUpserted', {
        ...{ ...user, firstName: first, lastName: last, displayName: `${first} ${last}` },
        ...{ status: 'active', licences: [], devices: [], features: [] },
      });
    case 3:
      return event('EmailStatusReported', { ...user, messageKind: 'welcome', status: 'bounced' });
    case 4:
      return event('EmailSuppressionRecorded', { email: p.email, reason: 'hard bounce' });
    case 5:
      return event('SuppressionRemoved', { email: p.email, removedBy: 'agent', partnerId: 'p1' });
    default:
      return event('OrganizationUpserted', {
        ...{ orgId: 'org-1', name: 'Org One', createdAt: '2026-01-01T00:00:00Z' },
        ...{ domains: [], sites: [], orderNumbers: [], managedByPartnerIds: ['p1'], licences: [] },
        administrators: [{ userId: p.userId, email: p.email }],
      });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'hub-erasure-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('erasure and rebuild commute, on generated histories', () => {
  it.each(SEEDS)('history %i: live through the erasure = rebuilt after it', async (seed) => {
    const rnd = random(seed);
    const keys = testSubjectKeys();
    const store = new PersonalDataEventStore(
      new SqliteEventStore(join(dir, `events-${seed}.sqlite`)),
      new PersonalDataCodec(PERSONAL_DATA, keys, ERASED),
    );
    const append = async (facts: [string, NewEvent][]) => {
      for (const [stream, e] of facts) await store.appendToStream(stream, [e], ANY);
    };
    const before = Array.from({ length: PERSONS }, (_, i) => person(seed, i, 'Before'));
    const after = Array.from({ length: PERSONS }, (_, i) => person(seed, i, 'After'));
    const erased = before[Math.floor(rnd() * PERSONS)];
    const history = (people: Person[], count: number) =>
      Array.from({ length: count }, () => fact(rnd, people[Math.floor(rnd() * PERSONS)]));
    await append([
      event('WorkspaceCreated', {
        ...{ workspaceId: 'w1', agreementId: 'a1', name: 'W', purpose: 'p', isDefault: true },
        createdAt: '2026-01-01T00:00:00Z',
      }),
      ...history(before, 10 + Math.floor(rnd() * 30)),
      // The directory names the person to erase, so every history has something to erase.
      fact(rnd, erased, 2),
    ]);
    const head = async () => Number((await store.headPosition()) ?? 0n);
    const erasedAt = await head();
    const read = async (from = 1) =>
      store.readAll({ fromPosition: BigInt(from) as GlobalPosition });

    // Live before the erasure: the person's data is in the documents.
    const live = ALL_PROJECTIONS.map((p) => new ProjectionFold(p).apply([]));
    const beforeErasure = await read();
    live.forEach((fold) => fold.apply(beforeErasure));

    // Erase by user id or by address, then rebuild as the erase route does.
    const byUserId = rnd() < 0.5;
    const subject = byUserId ? keys.ref(`user:${erased.userId}`) : keys.addressKey(erased.email);
    keys.erase(byUserId ? keys.resolve(subject) : [subject], '2026-06-01T00:00:00.000Z');
    const rebuilt = ALL_PROJECTIONS.map((p) => new ProjectionFold(p).apply([]));
    const erasedLog = await read();
    rebuilt.forEach((fold) => fold.apply(erasedLog));

    // History goes on (the person may come back, under a new key), and the build follows it.
    await append(history(after, 5 + Math.floor(rnd() * 15)));
    const rest = await read(erasedAt + 1);
    rebuilt.forEach((fold) => fold.apply(rest));

    // A build made from scratch now: the same documents.
    const fresh = ALL_PROJECTIONS.map((p) => new ProjectionFold(p).apply([]));
    const whole = await read();
    fresh.forEach((fold) => fold.apply(whole));
    ALL_PROJECTIONS.forEach((projection, i) =>
      expect({ [projection.name]: rebuilt[i].documents() }).toEqual({
        [projection.name]: fresh[i].documents(),
      }),
    );
    const documents = JSON.stringify(fresh.map((fold) => fold.documents()));
    expect(JSON.stringify(live.map((fold) => fold.documents()))).toContain(erased.name);
    expect(documents).not.toContain(erased.name);
    await store.close();
  });
});

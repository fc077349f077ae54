// Help-desk search at directory scale: loads organisations and users as events into a
// SqliteEventStore, builds the `helpdesk` projection into a SqliteReadModelStore with the real
// ProjectionRunner, then times searches of one agent whose partner manages a share of the orgs,
// against a baseline: the same lookups as indexed SQL on plain tables in the same SQLite engine.
// `npm run bench:helpdesk [-- --orgs N --users N --searches N --partners N]`.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED, PERSONAL_DATA } from '@hub/domain';
import {
  EventStore,
  NO_STREAM,
  NewEvent,
  PersonalDataCodec,
  PersonalDataEventStore,
  SqliteEventStore,
} from '@hub/event-store';
import { testSubjectKeys } from '@hub/testing/event-store/test-subject-keys';
import { SqliteReadModelStore } from '@hub/read-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { helpdeskProjection } from '@hub/projections/helpdesk/helpdesk.projection';
import { parseSearchInput, searchCustomers } from '@hub/projections/helpdesk/helpdesk.search';
import { normalizeText } from '@hub/projections/helpdesk/helpdesk.terms';
import {
  BenchOrg,
  BenchUser,
  benchOrg,
  benchPartner,
  benchUser,
  pick,
  random,
} from './helpdesk-data';
import { Baseline, Lookup } from './helpdesk-baseline';
import { nowSeconds, options } from './bench-args';

const {
  orgs: ORGS,
  users: USERS,
  searches: SEARCHES,
  partners: PARTNERS,
} = options({
  orgs: 10_000,
  users: 200_000,
  searches: 2_000,
  partners: 20,
});
const APPEND_BATCH = 2_000;

/** Monotonic milliseconds: searches are timed to the fraction of a millisecond. */
const now = () => nowSeconds() * 1000;

function directoryEvent(type: string, data: object): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      schemaVersion: 1,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { service: 'directory' },
      source: 'bench',
      occurredAt: new Date().toISOString(),
    },
  };
}

async function appendAll(store: EventStore, streams: [string, NewEvent][]): Promise<void> {
  for (let from = 0; from < streams.length; from += APPEND_BATCH)
    await Promise.all(
      streams
        .slice(from, from + APPEND_BATCH)
        .map(([stream, event]) => store.appendToStream(stream, [event], NO_STREAM)),
    );
}

/** A realistic mix of what agents type: a domain, an address, a name, an order number. */
function lookups(orgs: BenchOrg[], users: BenchUser[], rnd: () => number): Lookup[] {
  const mine = orgs.filter((org) => org.managedByPartnerIds.includes(benchPartner(0)));
  const myOrgIds = new Set(mine.map((org) => org.orgId));
  const myUsers = users.filter((user) => myOrgIds.has(user.orgId));
  const all: Lookup[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const org = pick(rnd, mine);
    const user = pick(rnd, myUsers);
    const roll = rnd();
    if (roll < 0.15) all.push({ kind: 'domain', q: org.domains[0].name });
    else if (roll < 0.25) all.push({ kind: 'domain', q: org.domains[0].name.slice(0, 6) });
    else if (roll < 0.45) all.push({ kind: 'email', q: user.email });
    else if (roll < 0.7)
      all.push({ kind: 'displayName', q: `${user.firstName} ${user.lastName.slice(0, 2)}` });
    else if (roll < 0.8) all.push({ kind: 'orderNumber', q: org.orderNumbers[0] });
    else if (roll < 0.9) all.push({ kind: 'orgName', q: org.name.split(' ')[1] });
    else all.push({ kind: 'lastName', q: user.lastName });
  }
  return all.map((l) => ({ ...l, q: normalizeText(l.q) }));
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function row(label: string, times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2).padStart(8);
  return `${label.padEnd(34)}${f(percentile(s, 50))}${f(percentile(s, 95))}${f(percentile(s, 99))}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-helpdesk-'));
  // As in the hub: personal fields sealed, addresses indexed by their keyed hash.
  const keys = testSubjectKeys();
  const events = new PersonalDataEventStore(
    new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'NORMAL' }),
    new PersonalDataCodec(PERSONAL_DATA, keys, ERASED),
  );
  const addressKey = (email: string) => keys.addressKey(email);
  const readStore = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  const runner = new ProjectionRunner(events, readStore, [helpdeskProjection]);
  try {
    const rnd = random(42);
    const orgs = Array.from({ length: ORGS }, (_, i) => benchOrg(i, PARTNERS, rnd));
    const users = Array.from({ length: USERS }, (_, j) => benchUser(j, orgs[j % ORGS], rnd));
    const grant = directoryEvent('HelpDeskAgentGranted', {
      partnerId: 'p0',
      userId: 'agent-1',
      grantedBy: 'padmin',
      grantedAt: '2025-01-01T00:00:00Z',
    });
    let started = now();
    await appendAll(events, [
      ['partner-p0', grant],
      ...orgs.map((o): [string, NewEvent] => [
        `directory-org-${o.orgId}`,
        directoryEvent('OrganizationUpserted', o),
      ]),
      ...users.map((u): [string, NewEvent] => [
        `directory-user-${u.userId}`,
        directoryEvent('UserUpserted', u),
      ]),
    ]);
    const head = (await events.headPosition())!;
    console.log(`appended ${head} events in ${((now() - started) / 1000).toFixed(1)} s`);

    started = now();
    await runner.start();
    await runner.waitForPosition('helpdesk', head, 600_000);
    const buildMs = now() - started;
    const terms = await readStore.count(runner.collection('helpdesk', 'terms'));
    console.log(
      `projection built in ${(buildMs / 1000).toFixed(1)} s (${Math.round((Number(head) / buildMs) * 1000)} events/s, ${terms} terms)`,
    );

    const baseline = new Baseline(join(dir, 'baseline.sqlite'), orgs, users);
    const view = runner.view('helpdesk');
    const scope = orgs
      .filter((o) => o.managedByPartnerIds.includes(benchPartner(0)))
      .map((o) => o.orgId);
    const mix = lookups(orgs, users, random(7));
    // Warm both (prepared statements, page cache), then measure each lookup in turn.
    for (const l of mix.slice(0, 50)) {
      await searchCustomers(view, 'p0', parseSearchInput({ q: l.q }, addressKey));
      baseline.lookup(l, scope);
    }
    const hub: number[] = [];
    const base: number[] = [];
    const byKind = new Map<string, number[]>();
    let hits = 0;
    for (const l of mix) {
      let t = now();
      const answer = await searchCustomers(view, 'p0', parseSearchInput({ q: l.q }, addressKey));
      const ms = now() - t;
      hub.push(ms);
      byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), ms]);
      if (answer.organizations.length + answer.users.length > 0) hits++;
      t = now();
      baseline.lookup(l, scope);
      base.push(now() - t);
    }
    baseline.close();
    const p95 = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        95,
      );
    console.log(
      `\n${ORGS} orgs, ${USERS} users; agent of p0 manages ${scope.length} orgs; ${mix.length} searches, ${hits} with results\n`,
    );
    console.log(
      `${'latency (ms)'.padEnd(34)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}`,
    );
    console.log(row('hub search (helpdesk projection)', hub));
    for (const [kind, times] of byKind) console.log(row(`  ${kind}`, times));
    console.log(row('baseline: indexed SQL, plain tables', base));
    console.log(
      `\nratio p95 hub/baseline: ${(p95(hub) / p95(base)).toFixed(1)}x; target p95 < 50 ms: ${p95(hub) < 50 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await runner.stop();
    await events.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

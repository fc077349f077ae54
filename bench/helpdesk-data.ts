// Synthetic directory for the help-desk bench: organisations with domains, sites and order
// numbers, and their users, deterministic for a seed so runs compare.
import { OrgId, PartnerId, UserId } from '@hub/domain';
import { OrganizationRecord, UserRecord } from '@hub/domain/directory/directory.events';

const FIRST =
  'ada alan anna arne astrid bea bo carl cecilia dag david ebba elin emil erik eva felix frida gustav hanna hugo ida ingrid isak jan johan julia karin karl lars lena linnea lisa magnus maja maria markus mats nils nora olof oskar per petra rasmus rebecka sara sofia sten svea tove ulf vera viktor wilma yusuf zara'.split(
    ' ',
  );
const LAST =
  'andersson berg bergstrom dahl ek engstrom eriksson falk forsberg gustafsson hansson hedlund holm isaksson jakobsson johansson karlsson larsson lind lindberg lindqvist lund magnusson mattsson nilsson nord nyberg olsson persson quist rask sandberg sjoberg strand svensson tornqvist ulander vik wallin wikstrom'.split(
    ' ',
  );
const WORDS =
  'acme alpine arctic aurora baltic birch blue bright cedar coastal contoso delta east fabrikam fjord granite green harbor iron lake litware meadow nordic north northwind oak pine polar river rock silver summit tailspin timber valley west wide wingtip'.split(
    ' ',
  );
const SUFFIX = 'ab group labs pharma logistics systems health energy media foods'.split(' ');

/** A small fast PRNG (mulberry32): the same seed gives the same directory. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)];

/** The bench's records are the directory's own (what OrganizationUpserted/UserUpserted carry). */
export type BenchOrg = OrganizationRecord;
export type BenchUser = UserRecord;

/** Partner `p<n>` of the bench; the agent searching is p0's. */
export const benchPartner = (n: number) => `p${n}` as PartnerId;

/** Organisation `i`: managed by partner `p<i mod partners>` (one in `partners` per partner). */
export function benchOrg(i: number, partners: number, rnd: () => number): BenchOrg {
  const name = `${pick(rnd, WORDS)} ${pick(rnd, WORDS)} ${pick(rnd, SUFFIX)}`;
  const slug = `${name.split(' ').slice(0, 2).join('')}${i}`;
  return {
    orgId: `org-${i.toString(36)}-${Math.floor(rnd() * 1e6).toString(36)}` as OrgId,
    name: name.replace(/\b\w/g, (c) => c.toUpperCase()),
    createdAt: new Date(Date.UTC(2018, 0, 1) + i * 3_600_000).toISOString(),
    domains: [
      { name: `${slug}.example`, status: 'verified' },
      ...(i % 3 === 0 ? [{ name: `${slug}-mail.example`, status: 'claimed' as const }] : []),
    ],
    sites: [`${slug}.webex.example`],
    orderNumbers: [`OR-${(100_000 + i).toString()}`, ...(i % 4 === 0 ? [`OR-${900_000 + i}`] : [])],
    managedByPartnerIds: [benchPartner(i % partners)],
    administrators: [],
    licences: [{ sku: 'MEETINGS', quantity: 10 + (i % 90) }],
  };
}

export function benchUser(j: number, org: BenchOrg, rnd: () => number): BenchUser {
  const firstName = pick(rnd, FIRST);
  const lastName = pick(rnd, LAST);
  return {
    userId: `user-${j.toString(36)}-${Math.floor(rnd() * 1e6).toString(36)}` as UserId,
    orgId: org.orgId,
    email: `${firstName}.${lastName}${j % 97}@${org.domains[0].name}`,
    firstName: firstName[0].toUpperCase() + firstName.slice(1),
    lastName: lastName[0].toUpperCase() + lastName.slice(1),
    displayName: `${firstName[0].toUpperCase()}${firstName.slice(1)} ${lastName[0].toUpperCase()}${lastName.slice(1)}`,
    status: j % 13 === 0 ? 'inactive' : 'active',
    licences: ['MEETINGS'],
    devices: j % 5 === 0 ? [{ deviceId: `dev-${j}`, model: 'Desk Pro' }] : [],
    features: ['recording'],
  };
}

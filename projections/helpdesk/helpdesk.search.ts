import { ValidationError } from '@hub/domain';
import { Filter } from '@hub/read-store';
import { ProjectionView } from '@hub/projection/projection-runner';
import {
  HELPDESK_COLLECTIONS as C,
  OrgDoc,
  SearchField,
  TermDoc,
  UserDoc,
  addressTerm,
} from './helpdesk.documents';
import { candidateOrgIds, isManagedBy } from './helpdesk.scope';
import { MIN_QUERY_LENGTH, normalizeText, termScore } from './helpdesk.terms';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;
/** Term documents read per match kind; prefix hits come in term order, closest completions first. */
const TERMS_PER_QUERY = 250;
/** Above this many candidate orgs the scope is checked in memory instead of an `$in` filter. */
const MAX_IN_FILTER = 1000;

/** An organisation found by a search. */
export interface OrgHit {
  orgId: string;
  name: string;
  domains: string[];
  matchedOn: SearchField;
  score: number;
}

/** A user found by a search. */
export interface UserHit {
  userId: string;
  orgId: string;
  orgName: string;
  displayName: string;
  email: string;
  status: string;
  matchedOn: SearchField;
  score: number;
}

export interface SearchAnswer {
  organizations: OrgHit[];
  users: UserHit[];
}

/** Validated search input: the normalised query and the number of results per kind. */
export interface SearchInput {
  q: string;
  limit: number;
  /** For a query that is an e-mail address: the term its keyed hash is indexed by. */
  address?: string;
}

/** The keyed hash of a normalised e-mail address (`SubjectKeyStore.addressKey`). */
export type AddressKeyOf = (email: string) => string;

/**
 * 400 `validation_failed` naming the field for a query too short or a limit out of range. A
 * query holding an `@` is looked up as an address too, by its keyed hash.
 */
export function parseSearchInput(
  raw: { q?: string; limit?: string },
  addressKey: AddressKeyOf,
): SearchInput {
  const q = normalizeText(raw.q ?? '');
  if (q.length < MIN_QUERY_LENGTH)
    throw new ValidationError('q is too short', {
      q: [`must have at least ${MIN_QUERY_LENGTH} characters`],
    });
  if (q.length > 200) throw new ValidationError('q is too long', { q: ['at most 200 characters'] });
  const limit =
    raw.limit === undefined || raw.limit === '' ? DEFAULT_SEARCH_LIMIT : Number(raw.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT)
    throw new ValidationError('limit is not valid', {
      limit: [`must be an integer from 1 to ${MAX_SEARCH_LIMIT}`],
    });
  return q.includes('@')
    ? { q, limit, address: addressTerm(addressKey(raw.q ?? '')) }
    : { q, limit };
}

interface Best {
  term: TermDoc;
  score: number;
}

/** Term documents matching the query exactly or as a prefix, within the candidate orgs. */
async function matchingTerms(
  view: ProjectionView,
  { q, address }: SearchInput,
  scope: string[],
): Promise<TermDoc[]> {
  const inScope = new Set(scope);
  const orgFilter: Filter = scope.length <= MAX_IN_FILTER ? { orgId: { $in: scope } } : {};
  const terms = view.collection(C.terms);
  const [exact, prefix] = await Promise.all([
    view.store.find<TermDoc>(terms, {
      filter: { term: address ? { $in: [q, address] } : q, ...orgFilter },
      limit: TERMS_PER_QUERY,
    }),
    view.store.find<TermDoc>(terms, {
      filter: { term: { $gt: q, $lt: `${q}\uffff` }, ...orgFilter },
      sort: [{ field: 'term', direction: 'asc' }],
      limit: TERMS_PER_QUERY,
    }),
  ]);
  return [...exact.items, ...prefix.items].filter((term) => inScope.has(term.orgId));
}

function bestPerEntity(terms: TermDoc[], { q, address }: SearchInput): Map<string, Best> {
  const best = new Map<string, Best>();
  for (const term of terms) {
    const key = `${term.kind}:${term.entityId}`;
    const score = termScore(term, term.term === address ? address : q);
    const current = best.get(key);
    if (!current || score > current.score) best.set(key, { term, score });
  }
  return best;
}

const byScoreThenLabel =
  <T extends { score: number }>(label: (hit: T) => string) =>
  (a: T, b: T): number =>
    b.score - a.score || label(a).localeCompare(label(b));

/**
 * Help-desk search (domain.md §7): organisations and users of the partner's customers whose
 * attributes equal or start with the query, best first. Every hit is checked against the
 * current entity (stale terms dropped) and its organisation's current `managedByPartnerIds`,
 * so a user of a customer the partner does not manage is never returned.
 */
export async function searchCustomers(
  view: ProjectionView,
  partnerId: string,
  input: SearchInput,
): Promise<SearchAnswer> {
  const scope = await candidateOrgIds(view, partnerId);
  if (scope.length === 0) return { organizations: [], users: [] };
  const best = bestPerEntity(await matchingTerms(view, input, scope), input);
  const hits = [...best.values()];
  const userHits = hits.filter((hit) => hit.term.kind === 'user');
  const users = await view.store.getMany<UserDoc>(
    view.collection(C.users),
    userHits.map((hit) => hit.term.entityId),
  );
  const usersById = new Map(users.map((user) => [user.userId, user]));
  const orgIds = new Set(hits.map((hit) => hit.term.orgId));
  const orgs = await view.store.getMany<OrgDoc>(view.collection(C.orgs), [...orgIds]);
  const orgsById = new Map(orgs.map((org) => [org.orgId, org]));

  const organizations: OrgHit[] = [];
  const found: UserHit[] = [];
  for (const { term, score } of hits) {
    const org = orgsById.get(term.orgId) ?? null;
    if (!isManagedBy(org, partnerId)) continue;
    if (term.kind === 'org') {
      organizations.push({
        orgId: org.orgId,
        name: org.name,
        domains: org.domains.map((d) => d.name),
        matchedOn: term.field,
        score,
      });
      continue;
    }
    const user = usersById.get(term.entityId);
    if (!user || user.orgId !== org.orgId) continue;
    found.push({
      userId: user.userId,
      orgId: org.orgId,
      orgName: org.name,
      displayName: user.displayName,
      email: user.email,
      status: user.status,
      matchedOn: term.field,
      score,
    });
  }
  return {
    organizations: organizations.sort(byScoreThenLabel((h) => h.name)).slice(0, input.limit),
    users: found.sort(byScoreThenLabel((h) => h.displayName)).slice(0, input.limit),
  };
}

import { SearchField, addressTerm } from './helpdesk.documents';

/*
 * The help-desk search index: one `terms` document per (entity, term), id `kind:entityId:term`.
 *
 * The index is exact: the entity's document lists the terms it has (`IndexedTerms`), so an
 * upsert deletes the terms its record no longer has, writes the new or changed ones, and leaves
 * the rest alone (a re-sent record with nothing new writes no term). Deleting needs no lookup,
 * so `locate` still names only what the event's own data reaches.
 */

/** A term an entity is found by, before it is stamped with kind and ids. */
export interface TermEntry {
  term: string;
  field: SearchField;
  /** `whole`: the attribute's entire value; `word`: one word of it. */
  match: 'whole' | 'word';
  weight: number;
}

/** Field weights: identifiers an agent copies from a ticket rank above names (domain.md §7). */
export const FIELD_WEIGHTS: Record<SearchField, number> = {
  orgId: 10,
  userId: 10,
  email: 10,
  orderNumber: 10,
  domain: 9,
  site: 8,
  orgName: 7,
  fullName: 7,
  displayName: 6,
  firstName: 6,
  lastName: 6,
  emailDomain: 3,
};

/** Queries of fewer characters would match a large share of the index. */
export const MIN_QUERY_LENGTH = 2;

/** Lower case, accents folded (an agent types "asa" for "Åsa"), spaces collapsed. */
export function normalizeText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a value: runs of letters and digits. */
export function wordsOf(value: string): string[] {
  return normalizeText(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

class TermSet {
  private readonly byTerm = new Map<string, TermEntry>();

  /** A term kept as it is (not normalised): the address's keyed term. */
  addExact(term: string, field: SearchField): void {
    this.keep({ term, field, match: 'whole', weight: FIELD_WEIGHTS[field] });
  }

  add(raw: string | undefined, field: SearchField, words = false): void {
    if (!raw) return;
    this.keep({ term: normalizeText(raw), field, match: 'whole', weight: FIELD_WEIGHTS[field] });
    if (!words) return;
    for (const word of wordsOf(raw))
      this.keep({ term: word, field, match: 'word', weight: FIELD_WEIGHTS[field] });
  }

  /** One document per term and entity: the best-scoring reason it is found by that term. */
  private keep(entry: TermEntry): void {
    // A one-character term can never be reached by a query of MIN_QUERY_LENGTH or more.
    if (entry.term.length < MIN_QUERY_LENGTH) return;
    const current = this.byTerm.get(entry.term);
    if (!current || termScore(entry, entry.term) > termScore(current, current.term))
      this.byTerm.set(entry.term, entry);
  }

  entries(): TermEntry[] {
    return [...this.byTerm.values()];
  }
}

/** Exact whole value > exact word > prefix; then the field's weight. */
export function termScore(
  entry: Pick<TermEntry, 'term' | 'match' | 'weight'>,
  query: string,
): number {
  const kind = entry.term === query ? (entry.match === 'whole' ? 3 : 2) : 1;
  return kind * 100 + entry.weight;
}

/** The attributes an organisation is found by: name, id, domains, meetings sites, order numbers. */
export function termsOfOrg(org: {
  orgId: string;
  name: string;
  domains: readonly { name: string }[];
  sites: readonly string[];
  orderNumbers: readonly string[];
}): TermEntry[] {
  const set = new TermSet();
  set.add(org.orgId, 'orgId');
  set.add(org.name, 'orgName', true);
  for (const domain of org.domains) set.add(domain.name, 'domain');
  for (const site of org.sites) set.add(site, 'site');
  for (const orderNumber of org.orderNumbers) set.add(orderNumber, 'orderNumber');
  return set.entries();
}

/**
 * The attributes a user is found by: names, display name, unique id, e-mail address. The
 * address is indexed by its keyed hash only (found by the whole address, never by a part of
 * it), its domain as it is: a domain names an organisation, not a person.
 */
export function termsOfUser(
  user: {
    userId: string;
    email: string;
    firstName: string;
    lastName: string;
    displayName: string;
  },
  addressKey: string | null,
): TermEntry[] {
  const set = new TermSet();
  set.add(user.userId, 'userId');
  if (addressKey) set.addExact(addressTerm(addressKey), 'email');
  const [, domain] = normalizeText(user.email).split('@');
  set.add(domain, 'emailDomain');
  set.add(user.firstName, 'firstName', true);
  set.add(user.lastName, 'lastName', true);
  set.add(`${user.firstName} ${user.lastName}`, 'fullName');
  set.add(user.displayName, 'displayName', true);
  return set.entries();
}

import { ValidationError } from '@hub/domain';
import { SpecEvent, specAddressKey } from '@hub/testing/projection/projection-specs';
import { agentGranted, orgUpserted, userUpserted, viewOf } from './helpdesk.fixtures';
import { parseSearchInput, searchCustomers } from './helpdesk.search';

const managed = orgUpserted('org-contoso', {
  name: 'Contoso Pharma',
  domains: [
    { name: 'contoso.example', status: 'verified' },
    { name: 'contoso-labs.example', status: 'claimed' },
  ],
  sites: ['contosopharma.webex.example'],
  orderNumbers: ['OR-55120'],
  managedByPartnerIds: ['p1'],
});
const other = orgUpserted('org-fabrikam', {
  name: 'Fabrikam Pharma',
  domains: [{ name: 'fabrikam.example', status: 'verified' }],
  orderNumbers: ['OR-55121'],
  managedByPartnerIds: ['p2'],
});
const ada = userUpserted('user-ada-1', 'org-contoso', {
  email: 'Ada.Lovelace@contoso.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayName: 'Countess Ada',
});
const adam = userUpserted('user-adam-2', 'org-contoso', {
  email: 'adam.smith@contoso.example',
  firstName: 'Adam',
  lastName: 'Smith',
  displayName: 'Adam Smith',
});
// Same names in a customer p1 does not manage: never returned to p1's agents.
const outsider = userUpserted('user-ada-3', 'org-fabrikam', {
  email: 'ada.lovelace@fabrikam.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayName: 'Ada Lovelace',
});

const world: SpecEvent[] = [managed, other, ada, adam, outsider, agentGranted('p1', 'agent-1')];

async function search(events: SpecEvent[], q: string, partnerId = 'p1', limit = '20') {
  return searchCustomers(
    await viewOf(events),
    partnerId,
    parseSearchInput({ q, limit }, specAddressKey),
  );
}
const ids = (answer: Awaited<ReturnType<typeof search>>) => ({
  organizations: answer.organizations.map((o) => o.orgId),
  users: answer.users.map((u) => u.userId),
});

describe('help-desk search', () => {
  it.each([
    ['organisation name (whole)', 'contoso pharma', 'org-contoso', 'orgName'],
    ['organisation name (a word)', 'Pharma', 'org-contoso', 'orgName'],
    ['organisation id', 'ORG-CONTOSO', 'org-contoso', 'orgId'],
    ['verified domain', 'contoso.example', 'org-contoso', 'domain'],
    ['claimed domain', 'contoso-labs.example', 'org-contoso', 'domain'],
    ['meetings site', 'contosopharma.webex.example', 'org-contoso', 'site'],
    ['online order number', 'or-55120', 'org-contoso', 'orderNumber'],
  ])('finds an organisation by its %s', async (_what, q, orgId, field) => {
    const answer = await search(world, q);
    expect(answer.organizations[0]).toMatchObject({ orgId, matchedOn: field });
    expect(ids(answer).organizations).not.toContain('org-fabrikam');
  });

  it.each([
    ['first name', 'ada', 'user-ada-1', 'firstName'],
    ['last name', 'LOVELACE', 'user-ada-1', 'lastName'],
    ['first and last name', 'Ada Lovelace', 'user-ada-1', 'fullName'],
    ['display name (whole)', 'countess ada', 'user-ada-1', 'displayName'],
    ['display name (a word)', 'countess', 'user-ada-1', 'displayName'],
    ['unique id', 'user-adam-2', 'user-adam-2', 'userId'],
    ['e-mail address', ' Ada.Lovelace@Contoso.example', 'user-ada-1', 'email'],
  ])('finds a user by their %s', async (_what, q, userId, field) => {
    const answer = await search(world, q);
    expect(answer.users[0]).toMatchObject({ userId, matchedOn: field, orgName: 'Contoso Pharma' });
  });

  it('finds an address whole only, by its keyed hash: no part of it, no prefix of the hash', async () => {
    const view = await viewOf(world);
    const terms = JSON.stringify((await view.store.find('terms', { limit: 500 })).items);
    expect(terms).not.toMatch(/lovelace@|adam\.smith/i);
    expect(ids(await search(world, 'adam.smith')).users).toEqual([]);
    expect(ids(await search(world, 'ada.lovelace@contoso.ex')).users).toEqual([]);
    const hashPrefix = specAddressKey('ada.lovelace@contoso.example').slice(0, 4);
    expect(ids(await search(world, hashPrefix)).users).toEqual([]);
  });

  it('matches prefixes case-insensitively and ranks exact > word > prefix', async () => {
    const answer = await search(world, 'Ada');
    // "ada" is Ada's whole first name; it is only a prefix of Adam.
    expect(ids(answer).users).toEqual(['user-ada-1', 'user-adam-2']);
    expect(answer.users[0].score).toBeGreaterThan(answer.users[1].score);
    expect(ids(await search(world, 'lovel')).users).toEqual(['user-ada-1']);
    expect(ids(await search(world, 'contoso.ex'))).toEqual({
      organizations: ['org-contoso'],
      // Both by their e-mail's domain, a prefix match of equal weight: then by display name.
      users: ['user-adam-2', 'user-ada-1'],
    });
  });

  it('ranks an identifier matched whole above a name matched whole', async () => {
    const events = [
      managed,
      orgUpserted('org-x', { name: 'OR-55120', managedByPartnerIds: ['p1'] }),
    ];
    const answer = await search(events, 'OR-55120');
    expect(ids(answer).organizations).toEqual(['org-contoso', 'org-x']);
    expect(answer.organizations.map((o) => o.matchedOn)).toEqual(['orderNumber', 'orgName']);
  });

  it('never returns an organisation or user of a customer the partner does not manage', async () => {
    for (const q of ['ada', 'lovelace', 'fabrikam', 'or-5512', 'pharma', 'user-ada-3'])
      expect(JSON.stringify(await search(world, q))).not.toMatch(/fabrikam|user-ada-3/);
    expect(ids(await search(world, 'fabrikam', 'p2')).organizations).toEqual(['org-fabrikam']);
    expect(await search(world, 'ada', 'p3')).toEqual({ organizations: [], users: [] });
  });

  it('follows a re-upsert: old terms stop matching, new ones match', async () => {
    const renamed = userUpserted('user-ada-1', 'org-contoso', {
      email: 'augusta@contoso.example',
      firstName: 'Augusta',
      lastName: 'King',
      displayName: 'Augusta King',
    });
    const events = [...world, renamed];
    expect(ids(await search(events, 'lovelace')).users).toEqual([]);
    expect(ids(await search(events, 'ada')).users).toEqual(['user-adam-2']);
    expect(ids(await search(events, 'augusta king')).users).toEqual(['user-ada-1']);
    const rebranded = orgUpserted('org-contoso', {
      name: 'Northwind',
      managedByPartnerIds: ['p1'],
    });
    expect(ids(await search([...events, rebranded], 'pharma')).organizations).toEqual([]);
    expect(ids(await search([...events, rebranded], 'north')).organizations).toEqual([
      'org-contoso',
    ]);
  });

  it('drops an organisation and its users from scope when the partner no longer manages it', async () => {
    const handedOver = orgUpserted('org-contoso', {
      name: 'Contoso Pharma',
      managedByPartnerIds: ['p2'],
    });
    expect(await search([...world, handedOver], 'contoso')).toEqual({
      organizations: [],
      users: [],
    });
  });

  it('follows a user who moves to an organisation the partner does not manage', async () => {
    const moved = userUpserted('user-adam-2', 'org-fabrikam', {
      email: 'adam.smith@contoso.example',
      firstName: 'Adam',
      lastName: 'Smith',
      displayName: 'Adam Smith',
    });
    expect(ids(await search([...world, moved], 'adam')).users).toEqual([]);
  });

  it('caps each list at the limit', async () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      userUpserted(`u-${i}`, 'org-contoso', { firstName: `Robin${i}`, displayName: `Robin ${i}` }),
    );
    const answer = await search([managed, ...many], 'robin', 'p1', '3');
    expect(answer.users).toHaveLength(3);
  });

  it('refuses a query under two characters and a limit out of range, naming the field', () => {
    const fieldOf = (raw: { q?: string; limit?: string }) => {
      try {
        parseSearchInput(raw, specAddressKey);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return Object.keys((error as ValidationError).details ?? {});
      }
      return [];
    };
    expect(fieldOf({ q: 'a' })).toEqual(['q']);
    expect(fieldOf({ q: '  ' })).toEqual(['q']);
    expect(fieldOf({})).toEqual(['q']);
    expect(fieldOf({ q: 'ab', limit: '51' })).toEqual(['limit']);
    expect(fieldOf({ q: 'ab', limit: 'x' })).toEqual(['limit']);
    expect(parseSearchInput({ q: ' Åsa  Berg ' }, specAddressKey)).toEqual({
      q: 'asa berg',
      limit: 20,
    });
  });
});

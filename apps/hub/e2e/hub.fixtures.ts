import { WorkspaceId } from '@hub/domain';
import { invitationIdFor } from '@hub/domain/workspaces/workspace.state';
import { HubClient, HubResponse, TestHub } from './test-hub';

/** A customer user as e2e specs name them: the token's subject and e-mail. */
export interface Person {
  sub: string;
  email: string;
  name?: string;
  accountType?: 'work' | 'personal';
}

/** Default entitlements: one consumable and one benefit line with fixed ids. */
export const ENTITLEMENTS = [
  {
    entitlementId: 'dse-hours',
    category: 'proactive',
    service: 'Designated Support Engineering',
    unit: 'hours',
    quantity: 40,
    kind: 'consumable',
  },
  {
    entitlementId: 'webcasts',
    category: 'education',
    service: 'Webcasts',
    unit: 'seats',
    quantity: 1,
    kind: 'benefit',
  },
];

/**
 * Builders for e2e specs: every step goes through the real HTTP routes, and a step that is not
 * answered 2xx fails with the hub's answer in the message.
 */
export class Fixtures {
  readonly csam: string;
  readonly service: string;
  private sequence = 0;

  constructor(readonly hub: TestHub) {
    this.csam = hub.token({
      sub: 'csam-1',
      email: 'csam@provider.example',
      roles: ['CSAM'],
      orgKind: 'provider',
    });
    this.service = hub.token({ sub: 'delivery-service', roles: ['Service'], orgKind: 'provider' });
  }

  /** A fresh person with a unique id and e-mail. */
  person(label: string, accountType: 'work' | 'personal' = 'work'): Person {
    this.sequence += 1;
    const sub = `${label}-${this.sequence}`;
    return { sub, email: `${sub}@contoso.example`, name: label, accountType };
  }

  tokenOf(person: Person, roles: string[] = []): string {
    return this.hub.token({
      sub: person.sub,
      email: person.email,
      roles,
      orgKind: 'customer',
      accountType: person.accountType ?? 'work',
    });
  }

  /** Sends a call that must succeed; answers its body. */
  async ok(
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    body?: unknown,
  ): Promise<Record<string, any>> {
    const response = await this.hub.call(method, url, { token, body });
    if (response.status >= 300) {
      throw new Error(
        `${method} ${url} answered ${response.status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }

  /** Runs a refused call and proves it appended nothing to the store. */
  async refused(call: () => Promise<HubResponse>): Promise<HubResponse> {
    // What earlier commands' reactions still append is theirs, not the refused call's.
    const before = await this.hub.settledEventCount();
    const response = await call();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await this.hub.allEvents()).length).toBe(before);
    return response;
  }

  async activateAgreement(options: {
    serviceAdministrator: Person;
    namedContacts?: Person[];
    type?: 'premier' | 'unified';
    allowPersonalAccounts?: boolean;
  }): Promise<{ agreementId: string; defaultWorkspaceId: string }> {
    const named = (p: Person) => ({ email: p.email, name: p.name ?? p.sub });
    const body = await this.ok('POST', '/v1/agreements', this.csam, {
      customer: { orgId: 'org-contoso', name: 'Contoso' },
      type: options.type ?? 'unified',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      serviceAdministrator: named(options.serviceAdministrator),
      namedContacts: (options.namedContacts ?? []).map(named),
      ...(options.allowPersonalAccounts !== undefined
        ? { allowPersonalAccounts: options.allowPersonalAccounts }
        : {}),
    });
    return { agreementId: body.agreementId, defaultWorkspaceId: body.defaultWorkspaceId };
  }

  /** The agreement activated and its Service Administrator accepted (so Customer Administrator). */
  async customer(): Promise<{
    agreementId: string;
    defaultWorkspaceId: string;
    serviceAdministrator: Person;
  }> {
    const serviceAdministrator = this.person('sa');
    const agreement = await this.activateAgreement({ serviceAdministrator });
    await this.accept(agreement.defaultWorkspaceId, serviceAdministrator);
    return { ...agreement, serviceAdministrator };
  }

  async createWorkspace(agreementId: string, administrator: Person): Promise<string> {
    const body = await this.ok('POST', '/v1/workspaces', this.csam, {
      agreementId,
      name: `Workspace of ${administrator.sub}`,
      purpose: 'e2e',
      administrator: { email: administrator.email, name: administrator.name ?? administrator.sub },
    });
    return body.workspaceId;
  }

  /** An additional workspace whose administrator has accepted. */
  async administeredWorkspace(
    agreementId: string,
  ): Promise<{ workspaceId: string; admin: Person }> {
    const admin = this.person('wa');
    const workspaceId = await this.createWorkspace(agreementId, admin);
    await this.accept(workspaceId, admin);
    return { workspaceId, admin };
  }

  invitationId(workspaceId: string, email: string): string {
    return invitationIdFor(workspaceId as WorkspaceId, email);
  }

  accept(workspaceId: string, person: Person): Promise<Record<string, any>> {
    const invitationId = this.invitationId(workspaceId, person.email);
    return this.ok('POST', `/v1/invitations/${invitationId}/accept`, this.tokenOf(person));
  }

  /** Invited by the administrator and accepted: a Member of the workspace. */
  async member(workspaceId: string, adminToken: string, label = 'member'): Promise<Person> {
    const person = this.person(label);
    await this.ok('POST', `/v1/workspaces/${workspaceId}/invitations`, adminToken, {
      email: person.email,
    });
    await this.accept(workspaceId, person);
    return person;
  }

  async addContract(agreementId: string, entitlements: object[] = ENTITLEMENTS): Promise<string> {
    const body = await this.ok('POST', `/v1/agreements/${agreementId}/contracts`, this.csam, {
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      entitlements,
    });
    return body.contractId;
  }

  /** The types of a stream's events, in order. */
  async typesIn(stream: string): Promise<string[]> {
    return (await this.hub.events.readStream(stream)).map((event) => event.type);
  }
}

/** A provider CSAM's token (the claim rules want the provider organisation kind). */
export const csamToken = (hub: HubClient): string =>
  hub.token({
    sub: 'csam-1',
    email: 'csam@provider.example',
    roles: ['CSAM'],
    orgKind: 'provider',
  });

/** Activates an agreement for `customer` in 2026 as a CSAM; answers the 201 answer's body. */
export async function activateAgreement(
  hub: HubClient,
  customer: { orgId: string; name: string },
  serviceAdministrator: { email: string; name: string },
  more: { namedContacts?: { email: string; name: string }[]; type?: string; endsOn?: string } = {},
): Promise<Record<string, any>> {
  const activated = await hub.call('POST', '/v1/agreements', {
    token: csamToken(hub),
    body: {
      customer,
      type: more.type ?? 'premier',
      startsOn: '2026-01-01',
      endsOn: more.endsOn ?? '2026-12-31',
      serviceAdministrator,
      namedContacts: more.namedContacts ?? [],
    },
  });
  expect(activated.status).toBe(201);
  return activated.body;
}

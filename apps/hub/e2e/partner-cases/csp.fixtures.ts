import { Caller, UserId } from '@hub/domain';
import {
  OrganizationRecord,
  UserRecord,
  directoryOrgStream,
  directoryUserStream,
  organizationDirectoryDecider,
  userDirectoryDecider,
} from '@hub/domain/directory';
import { RecordedEvent } from '@hub/event-store';
import { TestHub } from '../test-hub';
import { CommandExecutor } from '@hub/application/execution/command-executor';
import { Workflows } from '@hub/application/workflows/workflows';

// Shared set-up of the partner (CSP) and help-desk e2e specs: tokens for each party, a customer
// whose Service Administrator accepted (so is its Customer Administrator), registered partners.

export const CUSTOMER = 'org-contoso';
export const SERVICE_ADMIN_EMAIL = 'sa@contoso.example';

import { eventually } from '@hub/testing';
export { eventually };

export function tokens(hub: TestHub) {
  return {
    csam: hub.token({ sub: 'csam-1', roles: ['CSAM'], orgKind: 'provider' }),
    service: hub.token({ sub: 'svc-billing', roles: ['Service'], orgKind: 'provider' }),
    customerAdmin: hub.token({
      sub: 'u-sa',
      email: SERVICE_ADMIN_EMAIL,
      org: CUSTOMER,
      orgKind: 'customer',
    }),
    customerUser: hub.token({ sub: 'u-plain', org: CUSTOMER, orgKind: 'customer' }),
    partner: (org: string, roles: ('AdminAgent' | 'PartnerAdmin')[], sub = `${org}-user`) =>
      hub.token({ sub, org, orgKind: 'partner', roles, email: `${sub}@partner.example` }),
  };
}

/** Activates the customer's agreement and has its Service Administrator accept (→ Customer Administrator). */
export async function customerWithAdministrator(hub: TestHub, orgId = CUSTOMER): Promise<string> {
  const { csam, customerAdmin } = tokens(hub);
  const activated = await hub.call('POST', '/v1/agreements', {
    token: csam,
    body: {
      customer: { orgId, name: 'Contoso' },
      type: 'unified',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      serviceAdministrator: { email: SERVICE_ADMIN_EMAIL, name: 'Sam Admin' },
      namedContacts: [],
    },
  });
  expect(activated.status).toBe(201);
  const workspace = await hub.events.readStream(`workspace-${activated.body.defaultWorkspaceId}`);
  const invited = workspace.find((e) => e.type === 'MemberInvited') as RecordedEvent;
  const accepted = await hub.call('POST', `/v1/invitations/${invited.data.invitationId}/accept`, {
    token: customerAdmin,
  });
  expect(accepted.status).toBeLessThan(300);
  await eventually(async () => {
    const agreement = await hub.events.readStream(`agreement-${activated.body.agreementId}`);
    return agreement.some((e) => e.type === 'CustomerAdministratorAppointed') || undefined;
  });
  return activated.body.defaultWorkspaceId;
}

export async function registerPartner(hub: TestHub, partnerId: string, kind: string) {
  const response = await hub.call('POST', '/v1/partners', {
    token: tokens(hub).csam,
    body: { partnerId, name: `Partner ${partnerId}`, kind },
  });
  expect(response.status).toBe(201);
}

const directoryService: Caller = {
  userId: 'svc-directory' as UserId,
  providerRoles: [],
  service: true,
};

/** Records directory facts as the directory service would (the Kafka route is another slice). */
export async function directoryFacts(
  hub: TestHub,
  org: OrganizationRecord,
  users: UserRecord[],
): Promise<void> {
  const executor = hub.app.get(CommandExecutor);
  const context = (id: string) => ({
    commandId: `directory-${id}`,
    correlationId: `directory-${id}`,
    actor: { service: 'directory' },
    source: 'test',
    occurredAt: new Date().toISOString(),
  });
  await executor.execute({
    stream: directoryOrgStream(org.orgId),
    decider: organizationDirectoryDecider,
    context: context(org.orgId),
    command: () => ({ type: 'UpsertOrganization' as const, record: org, by: directoryService }),
  });
  for (const user of users) {
    const stream = directoryUserStream(user.userId);
    await executor.execute({
      stream,
      decider: userDirectoryDecider,
      context: context(user.userId),
      command: () => ({ type: 'UpsertUser' as const, record: user, by: directoryService }),
    });
    // As an ingest handler would: complete the follow-up (e-mail index) before moving on.
    const [upserted] = await hub.events.readStream(stream, { maxCount: 1 });
    await hub.app.get(Workflows).react(upserted);
  }
}

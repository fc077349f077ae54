// The demo's cases (every SLA state the Cases page shows) and its partner working under GDAP.

/** Posts a command, remembering its position; answers the command's answer. */
export type Post = (path: string, token: string, body?: unknown) => Promise<Record<string, string>>;

export async function seedCases(
  post: Post,
  given: {
    admin: string;
    service: string;
    workspaceId: string;
    contractId: string;
    /** A contract of the agreement not mapped into the workspace (an extra case). */
    otherContractId: string;
    now: Date;
    setClock?: (instant: string | null) => void;
    /** The hub's clock (a test hub's fake one stands still): a response is never after it. */
    hubNow?: () => Date;
  },
): Promise<{ open: string; breached: string; closed: string }> {
  const { admin, service } = given;
  const openCase = (body: Record<string, unknown>) =>
    post('/v1/cases', admin, {
      workspaceId: given.workspaceId,
      product: 'Azure',
      contractId: given.contractId,
      ...body,
    });
  const open = await openCase({
    severity: 'A',
    type: 'problem-resolution',
    title: 'Checkout API answers 503 in West Europe',
  });
  // Cases open at the hub's clock, and a first response may not be in the future: the breached
  // case is opened a day back where the hub's clock can be set, and answered 25 minutes late.
  given.setClock?.(new Date(given.now.getTime() - 24 * 3600_000).toISOString());
  const breached = await openCase({
    severity: 'B',
    type: 'problem-resolution',
    title: 'Nightly reports time out',
  });
  given.setClock?.(null);
  const late = Date.parse(breached.initialResponseDueAt) + 25 * 60_000;
  if (late <= given.now.getTime())
    await post(`/v1/cases/${breached.caseId}/responses`, service, {
      respondedAt: new Date(late).toISOString(),
    });
  const closed = await openCase({
    severity: 'C',
    type: 'advisory',
    title: 'Plan the move to Azure SQL Managed Instance',
  });
  // Answered as the seed runs: after the case opened, never in the hub's future.
  await post(`/v1/cases/${closed.caseId}/responses`, service, {
    respondedAt: (given.hubNow?.() ?? new Date()).toISOString(),
  });
  await post(`/v1/cases/${closed.caseId}/close`, admin, { resolution: 'Migration plan delivered' });
  await openCase({
    severity: 'C',
    type: 'problem-resolution',
    title: 'Sign-in loop on the partner portal',
    contractId: undefined,
  });
  // Two extra cases: a support category that always counts extra, and a contract the workspace
  // does not hold.
  await openCase({
    severity: 'C',
    type: 'problem-resolution',
    category: 'SU',
    title: 'Licence activation fails for new hires',
  });
  await openCase({
    severity: 'B',
    type: 'problem-resolution',
    contractId: given.otherContractId,
    entitlementId: 'reactive-hours',
    title: 'Paris office VPN drops every hour',
  });
  return { open: open.caseId, breached: breached.caseId, closed: closed.caseId };
}

/**
 * A partner that provides the customer's Azure subscription, granted GDAP by the customer's
 * administrator, whose agent files a case on the customer's behalf. Answers that case's id.
 */
export async function seedPartner(
  post: Post,
  given: {
    csam: string;
    service: string;
    admin: string;
    partnerAdmin: string;
    agent: string;
    agentClaims: { name: string; email: string };
    orgId: string;
    partnerId: string;
    subscriptionId: string;
  },
): Promise<string> {
  const { orgId, partnerId, subscriptionId } = given;
  await post('/v1/partners', given.csam, {
    partnerId,
    name: 'Northwind Partners',
    kind: 'indirect-provider',
  });
  await post(`/v1/customers/${orgId}/subscriptions`, given.service, {
    subscriptionId,
    product: 'azure',
    billing: 'paid',
    providerPartnerId: partnerId,
  });
  await post(`/v1/customers/${orgId}/subscriptions/${subscriptionId}/partner-access`, given.admin, {
    partnerId,
  });
  const gdap = await post('/v1/gdap-relationships', given.partnerAdmin, {
    partnerId,
    customerOrgId: orgId,
    roles: ['ServiceSupportAdministrator'],
    durationDays: 365,
  });
  await post(`/v1/gdap-relationships/${gdap.relationshipId}/approve`, given.admin);
  const filed = await post(`/v1/partners/${partnerId}/cases`, given.agent, {
    customerOrgId: orgId,
    subscriptionId,
    workload: 'azure',
    severity: 'B',
    type: 'problem-resolution',
    title: 'Virtual machines unreachable after maintenance',
    partnerContact: {
      name: given.agentClaims.name,
      email: given.agentClaims.email,
      phone: '+33 1 23 45 67 89',
    },
  });
  return filed.caseId;
}

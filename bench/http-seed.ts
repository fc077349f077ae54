// What the HTTP benches send, set up through the hub's own routes: one customer whose Service
// Administrator has accepted (so a Customer Administrator, who may read Customer Activity), and
// contracts to log consumption against; then the bodies of the commands and the queries.
import { randomUUID } from 'node:crypto';
import { mintToken } from '@hub/access';
import { WorkspaceId } from '@hub/domain';
import { invitationIdFor } from '@hub/domain/workspaces/workspace.state';
import { BENCH_SECRET } from './http-processes';

export interface Seeded {
  agreementId: string;
  contractIds: string[];
  /** A delivery service's token (role Service): it logs consumption. */
  service: string;
  /** The customer's administrator's token: it reads Customer Activity. */
  customerAdmin: string;
}

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

async function call(url: string, token: string, body?: object): Promise<Record<string, string>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const answer = (await response.json()) as Record<string, string>;
  if (response.status >= 300)
    throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

const token = (claims: object) => mintToken(claims as never, BENCH_SECRET, 24 * 3600);
const admin = { sub: 'sa-1', email: 'sa-1@contoso.example', name: 'Sa One' };

/** The tokens the loads send: the delivery service's (commands) and the customer's administrator's (queries). */
export function benchTokens(): Pick<Seeded, 'service' | 'customerAdmin'> {
  return {
    service: token({ sub: 'delivery-service', roles: ['Service'], orgKind: 'provider' }),
    customerAdmin: token({ ...admin, roles: [], orgKind: 'customer', accountType: 'work' }),
  };
}

export async function seed(url: string, contracts: number): Promise<Seeded> {
  const csam = token({
    sub: 'csam-1',
    email: 'csam@provider.example',
    roles: ['CSAM'],
    orgKind: 'provider',
  });
  const { service, customerAdmin } = benchTokens();
  const agreement = await call(`${url}/v1/agreements`, csam, {
    customer: { orgId: 'org-contoso', name: 'Contoso' },
    type: 'unified',
    startsOn: day(-365),
    endsOn: day(365),
    serviceAdministrator: { email: admin.email, name: admin.name },
    namedContacts: [],
  });
  const invitation = invitationIdFor(agreement.defaultWorkspaceId as WorkspaceId, admin.email);
  await call(`${url}/v1/invitations/${invitation}/accept`, customerAdmin);
  const contractIds: string[] = [];
  for (let i = 0; i < contracts; i += 1) {
    const contract = await call(`${url}/v1/agreements/${agreement.agreementId}/contracts`, csam, {
      startsOn: day(-300),
      endsOn: day(300),
      entitlements: [
        {
          entitlementId: 'dse-hours',
          category: 'proactive',
          service: 'Designated Support Engineering',
          unit: 'hours',
          quantity: 100_000,
          kind: 'consumable',
        },
      ],
    });
    contractIds.push(contract.contractId);
    // Mapped into the default workspace: Customer Activity shows what is mapped to a workspace.
    await call(`${url}/v1/workspaces/${agreement.defaultWorkspaceId}/mappings`, csam, {
      contractId: contract.contractId,
    });
  }
  return { agreementId: agreement.agreementId, contractIds, service, customerAdmin };
}

/** A consumption record with a fresh id, round-robin over the contracts. */
export function consumptionBody(contractIds: readonly string[], n: number): string {
  return JSON.stringify({
    consumptionId: `bench-${randomUUID()}`,
    contractId: contractIds[n % contractIds.length],
    entitlementId: 'dse-hours',
    quantity: 0.25,
    deliveredOn: day(-1),
    reference: { kind: 'engagement', id: `eng-${n % 100}` },
  });
}

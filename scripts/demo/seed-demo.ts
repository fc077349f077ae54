// `npm run demo`'s dataset, seeded through the hub's own HTTP commands: an agreement with two
// workspaces, contracts with every consumable category, add-on packages active and expired, a
// year of consumption, cases in several states, and a partner working under GDAP.
import { DemoClient } from './demo-client';
import { Delivery, PLAN } from './demo-plan';
import { seedCases, seedPartner } from './seed-cases';

export interface DemoClaims {
  sub: string;
  email?: string;
  name?: string;
  org?: string;
  orgKind?: 'customer' | 'partner' | 'provider';
  roles: string[];
}

export type Mint = (claims: DemoClaims) => string;

export interface DemoSeed {
  orgId: string;
  agreementId: string;
  workspaces: { main: string; europe: string };
  contracts: { main: string; europe: string };
  packages: { active: string; expired: string };
  partnerId: string;
  cases: { open: string; breached: string; closed: string; partner: string };
  people: Record<'customerAdministrator' | 'member' | 'partnerAgent' | 'auditor', DemoClaims>;
  /** The last position written: read with minPosition to see all of it. */
  position: string;
}

const MS_PER_DAY = 86_400_000;
const dayFrom = (today: Date, offset: number) =>
  new Date(today.getTime() + offset * MS_PER_DAY).toISOString().slice(0, 10);

const line = (
  entitlementId: string,
  category: string,
  service: string,
  unit: string,
  quantity: number,
  kind = 'consumable',
) => ({ entitlementId, category, service, unit, quantity, kind });

/** `setClock`, `hubNow`: a test hub's clock, set back so a case breaches, read if fake. */
export async function seedDemo(
  base: string,
  mint: Mint,
  now = new Date(),
  setClock?: (instant: string | null) => void,
  hubNow?: () => Date,
): Promise<DemoSeed> {
  const hub = new DemoClient(base);
  const day = (offset: number) => dayFrom(now, offset);
  const run = now.getTime().toString(36).slice(-5);
  const orgId = `org-fabrikam-${run}`;
  const partnerId = `p-northwind-${run}`;
  const people = {
    customerAdministrator: {
      sub: `camille-${run}`,
      email: `camille.martin+${run}@fabrikam.example`,
      name: 'Camille Martin',
      org: orgId,
      orgKind: 'customer',
      roles: [],
    },
    member: {
      sub: `noah-${run}`,
      email: `noah.dubois+${run}@fabrikam.example`,
      name: 'Noah Dubois',
      org: orgId,
      orgKind: 'customer',
      roles: [],
    },
    partnerAgent: {
      sub: `priya-${run}`,
      email: `priya+${run}@northwind.example`,
      name: 'Priya Shah',
      org: partnerId,
      orgKind: 'partner',
      roles: ['AdminAgent'],
    },
    auditor: {
      sub: `ada-${run}`,
      email: 'ada@provider.example',
      name: 'Ada Auditor',
      orgKind: 'provider',
      roles: ['Auditor'],
    },
  } satisfies DemoSeed['people'];
  const csam = mint({
    sub: 'demo-csam',
    email: 'csam@provider.example',
    orgKind: 'provider',
    roles: ['CSAM'],
  });
  const service = mint({ sub: 'demo-delivery', orgKind: 'provider', roles: ['Service'] });
  const admin = mint(people.customerAdministrator);
  const partnerAdmin = mint({
    sub: `nia-${run}`,
    email: `nia+${run}@northwind.example`,
    org: partnerId,
    orgKind: 'partner',
    roles: ['PartnerAdmin'],
  });
  let position = '';
  const track = (answer: Record<string, string>) => (
    (position = answer.position ?? position),
    answer
  );
  const post = async (path: string, token: string, body?: unknown) =>
    track(await hub.post(path, token, body));

  /**
   * Accepts the invitations waiting for the person (matched by the token's e-mail), asking
   * until one is there: the hub may issue an invitation after the command that asked for it.
   */
  const acceptAll = async (token: string) => {
    const invitations = await hub.until(async () => {
      const answer = await hub.get<{ invitations: { invitationId: string }[] }>(
        `/v1/invitations?minPosition=${position}`,
        token,
      );
      return answer.invitations.length > 0 ? answer.invitations : undefined;
    }, 'an invitation to accept');
    for (const invitation of invitations)
      await post(`/v1/invitations/${invitation.invitationId}/accept`, token);
  };

  const agreement = await post('/v1/agreements', csam, {
    customer: { orgId, name: 'Fabrikam' },
    type: 'unified',
    startsOn: day(-330),
    endsOn: day(400),
    serviceAdministrator: {
      email: people.customerAdministrator.email,
      name: people.customerAdministrator.name,
    },
    namedContacts: [],
  });
  const { agreementId, defaultWorkspaceId: main } = agreement;
  await acceptAll(admin);
  await hub.until(async () => {
    const { workspaces } = await hub.get<{ workspaces: { roles: string[] }[] }>(
      '/v1/workspaces',
      admin,
    );
    return workspaces.some((w) => w.roles.includes('CustomerAdministrator')) || undefined;
  }, 'the Service Administrator becomes Customer Administrator');
  const { workspaceId: europe } = await post('/v1/workspaces', csam, {
    agreementId,
    name: 'Fabrikam Europe',
    purpose: 'European subsidiaries',
    administrator: {
      email: people.customerAdministrator.email,
      name: people.customerAdministrator.name,
    },
  });
  await acceptAll(admin);

  const contracts = { main: `FAB-${run}-UNIFIED`, europe: `FAB-${run}-EU` };
  await post(`/v1/agreements/${agreementId}/contracts`, csam, {
    contractId: contracts.main,
    startsOn: day(-330),
    endsOn: day(35),
    entitlements: [
      line('proactive-hours', 'proactive', 'Proactive services', 'hours', 200),
      line('reactive-hours', 'reactive', 'Problem resolution', 'hours', 120),
      line('advisory-hours', 'advisory', 'Advisory services', 'hours', 80),
      line('courses', 'education', 'On-demand education', 'seats', 25),
      line('webcasts', 'education', 'Webcasts', 'seats', 1, 'benefit'),
      line(
        'health-check',
        'assessment',
        'Assessment: Azure health check',
        'assessments',
        1,
        'benefit',
      ),
    ],
  });
  await post(`/v1/agreements/${agreementId}/contracts`, csam, {
    contractId: contracts.europe,
    startsOn: day(-200),
    endsOn: day(165),
    entitlements: [
      line('reactive-hours', 'reactive', 'Problem resolution', 'hours', 60),
      line('proactive-credits', 'proactive', 'Proactive credits', 'credits', 40),
    ],
  });
  await post(`/v1/workspaces/${main}/mappings`, csam, { contractId: contracts.main });
  await post(`/v1/workspaces/${europe}/mappings`, csam, { contractId: contracts.europe });
  const packages = { active: `PKG-${run}-AZURE`, expired: `PKG-${run}-SEC` };
  await post(`/v1/contracts/${contracts.main}/packages`, csam, {
    packageId: packages.active,
    name: 'Azure enhanced',
    expiresOn: day(30),
    entitlements: [
      line('azure-credits', 'proactive', 'Azure proactive credits', 'credits', 20),
      {
        ...line('arch-review', 'advisory', 'Architecture review', 'sessions', 1, 'benefit'),
        description: 'once a year',
      },
    ],
  });
  await post(`/v1/contracts/${contracts.main}/packages`, csam, {
    packageId: packages.expired,
    name: 'Security assessment',
    expiresOn: day(-20),
    entitlements: [line('security-hours', 'advisory', 'Security assessment', 'hours', 10)],
  });
  for (const packageId of Object.values(packages))
    await post(`/v1/workspaces/${main}/mappings`, csam, { packageId });
  await post(`/v1/workspaces/${main}/invitations`, admin, {
    email: people.member.email,
    name: people.member.name,
  });
  await acceptAll(mint(people.member));

  const deliver = async (
    prefix: string,
    deliveries: Delivery[],
    target: Record<string, string>,
  ) => {
    for (const [k, delivery] of deliveries.entries()) {
      await post('/v1/consumption', service, {
        consumptionId: `${run}-${prefix}-${k}`,
        deliveredOn: day(-delivery.daysAgo),
        quantity: delivery.quantity,
        reference: {
          kind: prefix.includes('reactive') ? 'case' : 'engagement',
          id: `${prefix.toUpperCase()}-${1000 + k}`,
        },
        ...target,
      });
    }
  };
  const onMain = { contractId: contracts.main, workspaceId: main };
  const onEurope = { contractId: contracts.europe, workspaceId: europe };
  await deliver('main-proactive', PLAN.mainProactive, {
    ...onMain,
    entitlementId: 'proactive-hours',
  });
  await deliver('main-reactive', PLAN.mainReactive, { ...onMain, entitlementId: 'reactive-hours' });
  await deliver('main-advisory', PLAN.mainAdvisory, { ...onMain, entitlementId: 'advisory-hours' });
  await deliver('main-education', PLAN.mainEducation, { ...onMain, entitlementId: 'courses' });
  await deliver('eu-reactive', PLAN.euReactive, { ...onEurope, entitlementId: 'reactive-hours' });
  await deliver('eu-proactive', PLAN.euProactive, {
    ...onEurope,
    entitlementId: 'proactive-credits',
  });
  await deliver('pkg-credits', PLAN.packageCredits, {
    ...onMain,
    packageId: packages.active,
    entitlementId: 'azure-credits',
  });
  await deliver('pkg-security', PLAN.expiredPackageHours, {
    ...onMain,
    packageId: packages.expired,
    entitlementId: 'security-hours',
  });
  await post(`/v1/consumption/${run}-main-reactive-3/reversal`, service, {
    reason: 'logged against the wrong contract',
  });

  const cases = await seedCases(post, {
    admin,
    service,
    workspaceId: main,
    contractId: contracts.main,
    otherContractId: contracts.europe,
    now,
    setClock,
    hubNow,
  });
  const partnerCase = await seedPartner(post, {
    csam,
    service,
    admin,
    partnerAdmin,
    agent: mint(people.partnerAgent),
    agentClaims: people.partnerAgent,
    orgId,
    partnerId,
    subscriptionId: `sub-${run}`,
  });

  return {
    orgId,
    agreementId,
    workspaces: { main, europe },
    contracts,
    packages,
    partnerId,
    cases: { ...cases, partner: partnerCase },
    people,
    position,
  };
}

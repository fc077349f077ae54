import { randomUUID } from 'node:crypto';
import { deterministicId } from '@hub/domain';
import { NewEvent } from '@hub/event-store';
import {
  WorkloadAppend,
  WorkloadClock,
  WorkloadCustomer,
  WorkloadLine,
  hubEvent,
  orgRecord,
  userRecord,
} from './hub-workload-events';

const NAMES = ['ada', 'bo', 'carl', 'dag', 'eva', 'frida', 'hugo', 'ida', 'jan', 'karin', 'lena'];

type LineSpec = [category: string, service: string, unit: string, quantity: number, kind: string];
const CONTRACT_LINES: LineSpec[] = [
  ['reactive', 'Problem resolution', 'hours', 400, 'consumable'],
  ['advisory', 'Advisory', 'hours', 120.5, 'consumable'],
  ['education', 'Workshops', 'credits', 50, 'consumable'],
  ['contacts', 'Named contacts', 'contacts', 6, 'benefit'],
];
const PACKAGE_LINES: LineSpec[] = [
  ['proactive', 'Health check', 'days', 10, 'consumable'],
  ['assessment', 'Security assessment', 'credits', 25, 'consumable'],
];

/** Entitlement lines with the ids the write side derives from the owner and the index. */
function lines(owner: string, specs: LineSpec[]): (WorkloadLine & { kind: string })[] {
  return specs.map(([category, service, unit, quantity, kind], index) => ({
    entitlementId: deterministicId('entitlement', owner, String(index)),
    category,
    service,
    unit,
    quantity,
    kind,
  }));
}

/**
 * Onboards customer `n` as the write side would: agreement activated with its default
 * workspace, the named people invited and accepted with their roles, the directory's org and
 * users, a contract with entitlements, an add-on package, both mapped, and a group.
 */
export function onboardCustomer(
  n: number,
  clock: WorkloadClock,
): { customer: WorkloadCustomer; appends: WorkloadAppend[] } {
  const agreementId = randomUUID();
  const orgId = randomUUID();
  const workspaceId = deterministicId('default-workspace', agreementId);
  const contractId = randomUUID();
  const packageId = randomUUID();
  const groupId = randomUUID();
  const domain = `customer${n}.example`;
  const members = [0, 1, 2, 3].map((k) => {
    const firstName = NAMES[(n + k) % NAMES.length];
    const lastName = `${NAMES[(n * 7 + k) % NAMES.length]}son`;
    return {
      userId: randomUUID(),
      email: `${firstName}.${lastName}${k}@${domain}`,
      firstName,
      lastName,
    };
  });
  const csam = 'csam-1';
  const [admin] = members;
  const ws: NewEvent[] = [];
  const at = clock.next();
  const agreement = [
    hubEvent(
      'AgreementActivated',
      {
        agreementId,
        customer: { orgId, name: `Customer ${n} AB` },
        agreementType: n % 3 === 0 ? 'premier' : 'unified',
        startsOn: '2024-01-01',
        endsOn: '2026-12-31',
        serviceAdministrator: { email: admin.email, name: admin.firstName },
        namedContacts: members.slice(1).map((m) => ({ email: m.email, name: m.firstName })),
        allowPersonalAccounts: false,
        defaultWorkspaceId: workspaceId,
        activatedAt: at,
      },
      at,
      csam,
    ),
  ];
  ws.push(
    hubEvent(
      'WorkspaceCreated',
      {
        workspaceId,
        agreementId,
        name: 'Default',
        purpose: 'All support',
        isDefault: true,
        createdAt: at,
      },
      at,
      'svc:hub',
    ),
  );
  const invitations = members.map((member, k) => {
    const invitationId = deterministicId('invitation', workspaceId, member.email);
    const intendedRoles =
      k === 0 ? ['WorkspaceAdministrator', 'CustomerAdministrator'] : ['CustomerActivity'];
    ws.push(
      hubEvent(
        'MemberInvited',
        {
          invitationId,
          workspaceId,
          email: member.email,
          name: member.firstName,
          intendedRoles,
          invitedAt: at,
        },
        at,
        'svc:hub',
      ),
    );
    return {
      invitationId,
      member,
      roles: k === 0 ? ['WorkspaceAdministrator'] : ['CustomerActivity'],
    };
  });
  for (const { invitationId, member, roles } of invitations) {
    const acceptedAt = clock.next();
    ws.push(
      hubEvent(
        'InvitationAccepted',
        {
          invitationId,
          workspaceId,
          userId: member.userId,
          email: member.email,
          accountType: 'work',
          customerAdministrator: member === admin,
          acceptedAt,
        },
        acceptedAt,
        member.userId,
      ),
    );
    for (const role of [...roles, 'Member'])
      ws.push(
        hubEvent(
          'RoleGranted',
          { workspaceId, userId: member.userId, role, grantedAt: acceptedAt },
          acceptedAt,
          member.userId,
        ),
      );
  }
  agreement.push(
    hubEvent(
      'CustomerAdministratorAppointed',
      { agreementId, userId: admin.userId, appointedAt: at },
      at,
      'svc:hub',
    ),
  );
  const contractLines = lines(contractId, CONTRACT_LINES);
  const packageLines = lines(packageId, PACKAGE_LINES);
  const mappedAt = clock.next();
  ws.push(
    hubEvent('ContractMappedToWorkspace', { workspaceId, contractId, mappedAt }, mappedAt, csam),
    hubEvent('PackageMappedToWorkspace', { workspaceId, packageId, mappedAt }, mappedAt, csam),
    hubEvent(
      'GroupCreated',
      {
        workspaceId,
        groupId,
        name: 'Operations',
        memberUserIds: members.slice(0, 2).map((m) => m.userId),
        createdAt: mappedAt,
      },
      mappedAt,
      admin.userId,
    ),
  );
  const org = orgRecord(n, orgId, domain, admin, at);
  const customer: WorkloadCustomer = {
    agreementId,
    orgId,
    workspaceId,
    contractId,
    packageId,
    groupId,
    members,
    openCases: [],
    unreversed: [],
    lines: [
      ...contractLines.filter((l) => l.kind === 'consumable'),
      ...packageLines.map((l) => ({ ...l, packageId })),
    ].map(({ entitlementId, category, unit, packageId: p }) => ({
      entitlementId,
      category,
      unit,
      ...(p ? { packageId: p } : {}),
    })),
  };
  const appends: WorkloadAppend[] = [
    { stream: `agreement-${agreementId}`, events: agreement },
    {
      stream: `directory-org-${orgId}`,
      events: [hubEvent('OrganizationUpserted', org, at, 'svc:directory')],
    },
    ...members.map((m) => ({
      stream: `directory-user-${m.userId}`,
      events: [hubEvent('UserUpserted', userRecord(customer, m), at, 'svc:directory')],
    })),
    {
      stream: `contract-${contractId}`,
      events: [
        hubEvent(
          'ContractAdded',
          {
            contractId,
            agreementId,
            startsOn: '2024-01-01',
            endsOn: '2026-12-31',
            entitlements: contractLines,
            addedAt: at,
          },
          at,
          csam,
        ),
      ],
    },
    {
      stream: `package-${packageId}`,
      events: [
        hubEvent(
          'AddOnPackagePurchased',
          {
            packageId,
            contractId,
            agreementId,
            name: 'Enhanced security',
            expiresOn: '2026-06-30',
            entitlements: packageLines,
            purchasedAt: at,
          },
          at,
          csam,
        ),
      ],
    },
    { stream: `workspace-${workspaceId}`, events: ws },
  ];
  return { customer, appends };
}

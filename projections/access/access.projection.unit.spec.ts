import { ERASED } from '@hub/domain';
import {
  expectIdempotent,
  givenEvents,
  specAddressKey,
} from '@hub/testing/projection/projection-specs';
import { accessProjection } from './access.projection';

const invited = (email: string) => ({
  invitationId: 'i1',
  workspaceId: 'w1',
  email,
  name: email === ERASED ? ERASED : 'Ada',
  intendedRoles: ['Member'],
  invitedAt: '2026-01-01T00:00:00Z',
});

const history = [
  {
    type: 'WorkspaceCreated',
    data: {
      workspaceId: 'w1',
      agreementId: 'a1',
      name: 'Default',
      purpose: 'p',
      isDefault: true,
      createdAt: '2026-01-01T00:00:00Z',
    },
  },
  { type: 'MemberInvited', data: invited('Ada@Contoso.example') },
  {
    type: 'InvitationAccepted',
    data: {
      invitationId: 'i1',
      workspaceId: 'w1',
      userId: 'u1',
      email: 'ada@contoso.example',
      accountType: 'work',
      customerAdministrator: false,
      acceptedAt: '2026-01-02T00:00:00Z',
    },
  },
  {
    type: 'RoleGranted',
    data: { workspaceId: 'w1', userId: 'u1', role: 'Member', grantedAt: '2026-01-02T00:00:00Z' },
  },
  {
    type: 'RoleGranted',
    data: {
      workspaceId: 'w1',
      userId: 'u1',
      role: 'CustomerActivity',
      grantedAt: '2026-01-03T00:00:00Z',
    },
  },
  {
    type: 'RoleRevoked',
    data: {
      workspaceId: 'w1',
      userId: 'u1',
      role: 'CustomerActivity',
      revokedAt: '2026-01-04T00:00:00Z',
      revokedBy: 'u0',
    },
  },
  {
    type: 'GroupCreated',
    data: {
      workspaceId: 'w1',
      groupId: 'g1',
      name: 'Ops',
      memberUserIds: ['u1'],
      createdAt: '2026-01-05T00:00:00Z',
    },
  },
  {
    type: 'ContractMappedToWorkspace',
    data: { workspaceId: 'w1', contractId: 'c1', mappedAt: '2026-01-05T00:00:00Z' },
  },
  {
    type: 'PackageMappedToWorkspace',
    data: { workspaceId: 'w1', packageId: 'p1', mappedAt: '2026-01-05T00:00:00Z' },
  },
  {
    type: 'CustomerAdministratorAppointed',
    data: { agreementId: 'a1', userId: 'u9', appointedAt: '2026-01-06T00:00:00Z' },
  },
];

describe('access projection', () => {
  it('keeps workspaces with their mappings and groups, members with their roles, invitations and Customer Administrators', () => {
    givenEvents(accessProjection, history).then({
      workspaces: {
        w1: {
          id: 'w1',
          workspaceId: 'w1',
          agreementId: 'a1',
          name: 'Default',
          purpose: 'p',
          isDefault: true,
          createdAt: '2026-01-01T00:00:00Z',
          mappedContracts: ['c1'],
          mappedPackages: ['p1'],
          groups: { g1: { name: 'Ops', memberUserIds: ['u1'] } },
        },
      },
      members: {
        'w1:u1': {
          id: 'w1:u1',
          workspaceId: 'w1',
          agreementId: 'a1',
          userId: 'u1',
          roles: ['Member'],
          joinedAt: '2026-01-02T00:00:00Z',
        },
      },
      invitations: {
        i1: {
          id: 'i1',
          invitationId: 'i1',
          workspaceId: 'w1',
          workspaceName: 'Default',
          emailKey: specAddressKey('ada@contoso.example'),
          invitedAt: '2026-01-01T00:00:00Z',
          status: 'accepted',
        },
      },
      agreement_admins: { 'a1:u9': { id: 'a1:u9', agreementId: 'a1', userId: 'u9' } },
    });
  });

  it('keeps an invitation pending until it is accepted', () => {
    givenEvents(accessProjection, history.slice(0, 2)).thenDocuments((docs) => {
      expect(docs.invitations.i1.status).toBe('pending');
      expect(docs.members).toEqual({});
    });
  });

  it("holds the invitee's address key, never the address or name; an erased invitee's finds nothing", () => {
    givenEvents(accessProjection, history.slice(0, 2)).thenDocuments((docs) => {
      expect(docs.invitations.i1.emailKey).toBe(specAddressKey('ada@contoso.example'));
      expect(JSON.stringify(docs)).not.toMatch(/contoso|Ada/i);
    });
    const erased = [history[0], { type: 'MemberInvited', data: invited(ERASED) }];
    givenEvents(accessProjection, erased).thenDocuments((docs) => {
      expect(docs.invitations.i1.emailKey).toBeNull();
    });
  });

  const removals = [
    {
      type: 'WorkspaceMemberRemoved',
      data: {
        workspaceId: 'w1',
        userId: 'u1',
        groupIds: ['g1'],
        removedBy: 'u0',
        removedAt: '2026-01-07T00:00:00Z',
      },
    },
    {
      type: 'CustomerAdministratorRemoved',
      data: { agreementId: 'a1', userId: 'u9', removedBy: 'u0', removedAt: '2026-01-07T00:00:00Z' },
    },
  ];

  it('a removed member loses every role and group there; a removed administrator administers nothing', () => {
    givenEvents(accessProjection, [...history, ...removals]).thenDocuments((docs) => {
      expect(docs.members).toEqual({});
      expect(docs.workspaces.w1.groups).toEqual({ g1: { name: 'Ops', memberUserIds: [] } });
      expect(docs.agreement_admins ?? {}).toEqual({});
    });
  });

  it('gives the same documents when every event is applied twice', () => {
    expectIdempotent(accessProjection, [...history, ...removals]);
  });
});

import { given } from '@hub/testing';
import { Caller, InvitationId, UserId } from '../shared';
import { AcceptInvitation, InviteMember } from './workspace.commands';
import { workspaceDecider } from './workspace.decider';
import { invitationIdFor } from './workspace.state';
import {
  admin,
  at,
  customerAdmin,
  granted,
  invited,
  member,
  staffed,
  workspaceCreated,
  workspaceId,
} from './workspace.fixtures';

const invite: InviteMember = {
  type: 'InviteMember',
  workspaceId,
  invitationId: invitationIdFor(workspaceId, 'new@contoso.com'),
  email: 'new@contoso.com',
  name: 'New Person',
  at,
  by: admin,
};
const newcomer: Caller = {
  userId: 'u-new' as UserId,
  email: 'NEW@contoso.com',
  providerRoles: [],
  accountType: 'work',
};
const pending = invited('new@contoso.com', ['Member', 'LearningManager'], { name: 'New Person' });
const accept: AcceptInvitation = {
  type: 'AcceptInvitation',
  workspaceId,
  invitationId: invitationIdFor(workspaceId, 'new@contoso.com'),
  agreementType: 'unified',
  allowPersonalAccounts: false,
  at,
  by: newcomer,
};
const accepted = {
  type: 'InvitationAccepted' as const,
  data: {
    invitationId: accept.invitationId,
    workspaceId,
    userId: newcomer.userId,
    email: 'new@contoso.com',
    accountType: 'work' as const,
    customerAdministrator: false,
    acceptedAt: at,
  },
};
describe('workspace decider: membership', () => {
  describe('InviteMember', () => {
    it('lets a Workspace Administrator invite, as Member by default', () => {
      given(workspaceDecider, staffed)
        .when(invite)
        .then([
          invited('new@contoso.com', ['Member'], { name: 'New Person', invitedBy: admin.userId }),
        ]);
    });

    it('lets a Customer Administrator invite, always adding Member to the intended roles', () => {
      given(workspaceDecider, staffed)
        .when({ ...invite, by: customerAdmin, intendedRoles: ['LearningManager'] })
        .then([
          invited('new@contoso.com', ['Member', 'LearningManager'], {
            name: 'New Person',
            invitedBy: customerAdmin.userId,
          }),
        ]);
    });

    it('refuses a plain member', () => {
      given(workspaceDecider, staffed)
        .when({ ...invite, by: member })
        .thenFails('workspace_administrator_required');
    });

    it('refuses a member e-mail, whatever its case', () => {
      given(workspaceDecider, staffed)
        .when({ ...invite, email: 'Member@Contoso.com' })
        .thenFails('already_member');
    });

    it('refuses an e-mail with a pending invitation', () => {
      given(workspaceDecider, [...staffed, pending])
        .when({ ...invite, invitationId: 'other' as InvitationId, email: 'NEW@contoso.com' })
        .thenFails('already_invited');
    });

    it('refuses an invitation id already used for another e-mail', () => {
      given(workspaceDecider, [...staffed, pending, accepted])
        .when({ ...invite, email: 'third@contoso.com' })
        .thenFails('invitation_already_exists');
    });

    it('answers 404 for an unknown workspace', () => {
      given(workspaceDecider).when(invite).thenFails('workspace_not_found');
    });
  });

  describe('AcceptInvitation', () => {
    it('makes the caller a member with every intended workspace role', () => {
      given(workspaceDecider, [...staffed, pending])
        .when(accept)
        .then([
          accepted,
          granted(newcomer.userId, 'Member'),
          granted(newcomer.userId, 'LearningManager'),
        ]);
    });

    it('flags a Service Administrator invitation for appointment as Customer Administrator', () => {
      const sa = invited('new@contoso.com', [
        'Member',
        'WorkspaceAdministrator',
        'CustomerAdministrator',
      ]);
      given(workspaceDecider, [workspaceCreated, sa])
        .when(accept)
        .then([
          { ...accepted, data: { ...accepted.data, customerAdministrator: true } },
          granted(newcomer.userId, 'Member'),
          granted(newcomer.userId, 'WorkspaceAdministrator'),
        ]);
    });

    it('refuses a caller whose token e-mail differs', () => {
      given(workspaceDecider, [...staffed, pending])
        .when({ ...accept, by: { ...newcomer, email: 'someone@else.com' } })
        .thenFails('invitation_email_mismatch');
    });

    it('refuses a second acceptance', () => {
      given(workspaceDecider, [...staffed, pending, accepted])
        .when(accept)
        .thenFails('invitation_already_accepted');
    });

    it('answers 404 for an unknown invitation', () => {
      given(workspaceDecider, staffed).when(accept).thenFails('invitation_not_found');
    });

    it('refuses a personal account on a unified agreement without the allowance', () => {
      const personal = { ...accept, by: { ...newcomer, accountType: 'personal' as const } };
      given(workspaceDecider, [...staffed, pending])
        .when(personal)
        .thenFails('personal_accounts_not_allowed');
      const personalAccepted = {
        ...accepted,
        data: { ...accepted.data, accountType: 'personal' as const },
      };
      given(workspaceDecider, [...staffed, pending])
        .when({ ...personal, allowPersonalAccounts: true })
        .thenEvents((events) => expect(events[0]).toEqual(personalAccepted));
      given(workspaceDecider, [...staffed, pending])
        .when({ ...personal, agreementType: 'premier' })
        .thenEvents((events) => expect(events[0]).toEqual(personalAccepted));
    });
  });
});

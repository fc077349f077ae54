import {
  AgreementId,
  Decider,
  NotFoundError,
  ValidationError,
  refuse,
  requireProviderStaff,
} from '../shared';
import { NamedPerson } from '../agreements/agreement.events';
import {
  CreateDefaultWorkspace,
  CreateWorkspace,
  MapContract,
  MapPackage,
  WorkspaceCommand,
} from './workspace.commands';
import { IntendedRole, WorkspaceEvent } from './workspace.events';
import {
  decideAccept,
  decideGroup,
  decideInvite,
  decideRemoveMember,
  decideRole,
} from './workspace.membership';
import {
  CreatedWorkspace,
  WorkspaceState,
  evolveWorkspace,
  invitationIdFor,
  requireWorkspace,
} from './workspace.state';

export type { WorkspaceState } from './workspace.state';

/** Invitations the hub sends itself, with derived ids so a replayed step derives the same ones. */
function systemInvitations(
  command: CreateDefaultWorkspace | CreateWorkspace,
  invitees: { person: NamedPerson; roles: IntendedRole[] }[],
): WorkspaceEvent[] {
  const seen = new Set<string>();
  return invitees.flatMap(({ person, roles }): WorkspaceEvent[] => {
    const email = person.email.toLowerCase();
    // A Service Administrator also listed as a named contact is invited once, as administrator.
    if (seen.has(email)) return [];
    seen.add(email);
    return [
      {
        type: 'MemberInvited',
        data: {
          invitationId: invitationIdFor(command.workspaceId, person.email),
          workspaceId: command.workspaceId,
          email: person.email,
          name: person.name,
          intendedRoles: roles,
          invitedAt: command.at,
        },
      },
    ];
  });
}

function created(
  command: CreateDefaultWorkspace | CreateWorkspace,
  name: string,
  purpose: string,
): WorkspaceEvent {
  return {
    type: 'WorkspaceCreated',
    data: {
      workspaceId: command.workspaceId,
      agreementId: command.agreementId,
      name,
      purpose,
      isDefault: command.type === 'CreateDefaultWorkspace',
      createdAt: command.at,
    },
  };
}

/** The mapped thing must exist and belong to this workspace's agreement. */
function checkMapping(
  ws: CreatedWorkspace,
  what: 'contract' | 'package',
  id: string,
  ownerAgreementId: AgreementId | null,
): void {
  if (ownerAgreementId === null) {
    throw new NotFoundError(`${what} ${id} not found.`, { [`${what}Id`]: id }, `${what}_not_found`);
  }
  if (ownerAgreementId !== ws.agreementId) {
    refuse(`${what}_not_in_agreement`, `The ${what} belongs to another agreement.`, {
      [`${what}Id`]: id,
    });
  }
}

function decideMapping(command: MapContract | MapPackage, ws: CreatedWorkspace): WorkspaceEvent[] {
  requireProviderStaff(command.by, 'map contracts and packages');
  if (command.type === 'MapContract') {
    checkMapping(ws, 'contract', command.contractId, command.contractAgreementId);
    if (ws.mappedContracts.includes(command.contractId)) return [];
    const data = {
      workspaceId: ws.workspaceId,
      contractId: command.contractId,
      mappedAt: command.at,
    };
    return [{ type: 'ContractMappedToWorkspace', data }];
  }
  checkMapping(ws, 'package', command.packageId, command.packageAgreementId);
  if (ws.mappedPackages.includes(command.packageId)) return [];
  const data = { workspaceId: ws.workspaceId, packageId: command.packageId, mappedAt: command.at };
  return [{ type: 'PackageMappedToWorkspace', data }];
}

function decideCreate(command: CreateWorkspace, state: WorkspaceState): WorkspaceEvent[] {
  requireProviderStaff(command.by, 'create workspaces');
  if (!command.agreementExists) {
    throw new NotFoundError(
      `Agreement ${command.agreementId} not found.`,
      { agreementId: command.agreementId },
      'agreement_not_found',
    );
  }
  if (state.status !== 'none') {
    refuse('workspace_already_exists', `Workspace ${command.workspaceId} already exists.`);
  }
  // Additional workspaces are created during the agreement (domain.md §3), judged on the
  // command's day (UTC).
  const period = command.agreementPeriod;
  const today = command.at.slice(0, 10);
  if (period && (today < period.startsOn || today > period.endsOn)) {
    refuse(
      'agreement_not_in_effect',
      `Agreement ${command.agreementId} runs ${period.startsOn} to ${period.endsOn}.`,
      { startsOn: period.startsOn, endsOn: period.endsOn },
    );
  }
  const fields: Record<string, string[]> = {};
  if (!command.name?.trim()) fields.name = ['must not be empty'];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(command.administrator?.email ?? '')) {
    fields['administrator.email'] = ['must be an e-mail address'];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid workspace.', fields);
  return [
    created(command, command.name, command.purpose ?? ''),
    ...systemInvitations(command, [
      { person: command.administrator, roles: ['Member', 'WorkspaceAdministrator'] },
    ]),
  ];
}

/** Workspace: membership by invitation, roles, groups, and the contracts/packages mapped in. */
export const workspaceDecider: Decider<WorkspaceCommand, WorkspaceEvent, WorkspaceState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateDefaultWorkspace':
        // A system step the process manager may repeat: once created, it has happened.
        if (state.status !== 'none') return [];
        return [
          created(command, command.name ?? 'Default workspace', 'Created on agreement activation'),
          ...systemInvitations(command, [
            {
              person: command.serviceAdministrator,
              roles: ['Member', 'WorkspaceAdministrator', 'CustomerAdministrator'],
            },
            ...command.namedContacts.map((person) => ({
              person,
              roles: ['Member'] as IntendedRole[],
            })),
          ]),
        ];
      case 'CreateWorkspace':
        return decideCreate(command, state);
      case 'MapContract':
      case 'MapPackage':
        return decideMapping(command, requireWorkspace(state, command.workspaceId));
      case 'InviteMember':
        return decideInvite(command, requireWorkspace(state, command.workspaceId));
      case 'AcceptInvitation':
        return decideAccept(command, requireWorkspace(state, command.workspaceId));
      case 'GrantRole':
      case 'RevokeRole':
        return decideRole(command, requireWorkspace(state, command.workspaceId));
      case 'CreateGroup':
        return decideGroup(command, requireWorkspace(state, command.workspaceId));
      case 'RemoveMember':
        return decideRemoveMember(command, requireWorkspace(state, command.workspaceId));
    }
  },

  evolve: evolveWorkspace,
};

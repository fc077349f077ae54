import {
  Decider,
  ForbiddenError,
  NotFoundError,
  PartnerId,
  UserId,
  ValidationError,
  refuse,
  requireProviderStaff,
} from '../shared';
import { holdsPartnerRole } from './partner-caller';
import { PartnerCommand, RegisterPartner } from './partner.commands';
import { PARTNER_KINDS, PartnerEvent, PartnerKind } from './partner.events';

/** The stream holding one partner's history. */
export function partnerStream(partnerId: PartnerId): string {
  return `partner-${partnerId}`;
}

/** What the partner's rules need, and what the on-behalf-of case policy reads (its kind). */
export type PartnerState =
  | { status: 'none' }
  | {
      status: 'registered';
      partnerId: PartnerId;
      name: string;
      kind: PartnerKind;
      helpDeskAgents: UserId[];
    };

function validate(command: RegisterPartner): void {
  const fields: Record<string, string[]> = {};
  if (!command.partnerId?.trim()) fields.partnerId = ['is required'];
  if (!command.name?.trim()) fields.name = ['is required'];
  if (!PARTNER_KINDS.includes(command.kind))
    fields.kind = [`must be one of ${PARTNER_KINDS.join(', ')}`];
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid partner.', fields);
}

function decide(command: PartnerCommand, state: PartnerState): PartnerEvent[] {
  switch (command.type) {
    case 'RegisterPartner': {
      requireProviderStaff(command.by, 'register a partner');
      validate(command);
      if (state.status !== 'none') {
        refuse('partner_already_registered', 'This partner is already registered.', {
          partnerId: command.partnerId,
        });
      }
      return [
        {
          type: 'PartnerRegistered',
          data: {
            partnerId: command.partnerId,
            name: command.name.trim(),
            kind: command.kind,
            registeredAt: command.at,
          },
        },
      ];
    }
    case 'GrantHelpDeskAgent': {
      if (state.status === 'none') {
        throw new NotFoundError('No such partner.', { partnerId: command.partnerId });
      }
      if (!holdsPartnerRole(command.by, state.partnerId, 'PartnerAdmin')) {
        throw new ForbiddenError(
          'Only an administrator of this partner may grant the Help Desk role.',
        );
      }
      if (state.helpDeskAgents.includes(command.userId)) return [];
      return [
        {
          type: 'HelpDeskAgentGranted',
          data: {
            partnerId: state.partnerId,
            userId: command.userId,
            grantedBy: command.by.userId,
            grantedAt: command.at,
          },
        },
      ];
    }
  }
}

function evolve(state: PartnerState, event: PartnerEvent): PartnerState {
  switch (event.type) {
    case 'PartnerRegistered':
      return { status: 'registered', ...event.data, helpDeskAgents: [] };
    case 'HelpDeskAgentGranted':
      if (state.status === 'none') return state;
      return { ...state, helpDeskAgents: [...state.helpDeskAgents, event.data.userId] };
  }
}

/** A partner: registration and the Help Desk agents its administrators grant. */
export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};

/** Whether the user holds the hub-granted HelpDeskAgent role for this partner. */
export function isHelpDeskAgent(state: PartnerState, userId: UserId): boolean {
  return state.status === 'registered' && state.helpDeskAgents.includes(userId);
}

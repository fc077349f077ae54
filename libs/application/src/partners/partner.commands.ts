import { PartnerId, UserId } from '@hub/domain';
import { PartnerCaller, partnerDecider, partnerStream } from '@hub/domain/partners';
import { CommandInput, command } from '../execution/command';
import {
  GrantHelpDeskAgentRequest,
  PartnerRegisteredAnswer,
  RegisterPartnerRequest,
} from './partner.requests';

type ByPartner<R> = CommandInput<R, PartnerCaller>;

/** Partner commands (api.md "Commands"): each on the partner's stream. */
export const partnerCommands = {
  /** A CSAM or AC registers a CSP partner. */
  register: command({
    stream: ({ request }: ByPartner<RegisterPartnerRequest>) =>
      partnerStream(request.partnerId as PartnerId),
    decider: partnerDecider,
    command: ({ request, caller, context }) => ({
      type: 'RegisterPartner' as const,
      partnerId: request.partnerId as PartnerId,
      name: request.name,
      kind: request.kind,
      at: context.occurredAt,
      by: caller,
    }),
    answer: ({ request }, _result, position): PartnerRegisteredAnswer => ({
      partnerId: request.partnerId,
      position,
    }),
  }),

  /** The partner's PartnerAdmin makes one of its users a Help Desk agent (domain.md §7). */
  grantHelpDeskAgent: command({
    stream: ({ request }: ByPartner<GrantHelpDeskAgentRequest & { partnerId: string }>) =>
      partnerStream(request.partnerId as PartnerId),
    decider: partnerDecider,
    command: ({ request, caller, context }) => ({
      type: 'GrantHelpDeskAgent' as const,
      partnerId: request.partnerId as PartnerId,
      userId: request.userId as UserId,
      at: context.occurredAt,
      by: caller,
    }),
  }),
};

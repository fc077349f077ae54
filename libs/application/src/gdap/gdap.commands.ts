import { NotFoundError, OrgId, PartnerId, RelationshipId, deterministicId } from '@hub/domain';
import { gdapDecider, gdapStream } from '@hub/domain/gdap';
import { PartnerCaller, partnerDecider, partnerStream } from '@hub/domain/partners';
import { CommandInput, command } from '../execution/command';
import { callerAsCustomer } from '../subscriptions/customer-caller';
import { GdapRequestedAnswer, RequestGdapRelationshipRequest } from './gdap.requests';

type Request = CommandInput<RequestGdapRelationshipRequest, PartnerCaller>;
type Endorse = CommandInput<{ relationshipId: string }, PartnerCaller>;
/** Derived from the command id, so a retried request names the same relationship. */
const relationshipIdOf = ({ context }: Request) =>
  deterministicId('gdap', context.commandId) as RelationshipId;

/** The customer's Customer Administrator approves; either side's administrator terminates. */
const endorse = (type: 'ApproveGdapRelationship' | 'TerminateGdapRelationship') =>
  command({
    stream: ({ request }: Endorse) => gdapStream(request.relationshipId as RelationshipId),
    decider: gdapDecider,
    // The caller's standing with the customer, from the org's agreement streams.
    read: ({ caller }, reads, state) =>
      state.status === 'none'
        ? Promise.resolve(caller)
        : callerAsCustomer(reads.customers, caller, state.customerOrgId),
    command: ({ request, context }, by) => ({
      type,
      relationshipId: request.relationshipId as RelationshipId,
      at: context.occurredAt,
      by,
    }),
  });

/** GDAP relationship commands (api.md "Commands"): each on the relationship's stream. */
export const gdapCommands = {
  /**
   * A PartnerAdmin requests a relationship. Before answering, its workflows list it under
   * partner and customer (the on-behalf case reads that list) and ask the customer to approve.
   */
  request: command({
    stream: (input: Request) => gdapStream(relationshipIdOf(input)),
    decider: gdapDecider,
    read: ({ request }, reads) =>
      reads.state(partnerStream(request.partnerId as PartnerId), partnerDecider),
    command: (input, partner) => {
      const { request, caller, context } = input;
      // The caller's own partner must be known to the hub; its role is checked by the decider.
      if (partner.status === 'none' && (caller.orgId as string | undefined) === request.partnerId) {
        throw new NotFoundError('No such partner.', { partnerId: request.partnerId });
      }
      return {
        type: 'RequestGdapRelationship' as const,
        relationshipId: relationshipIdOf(input),
        partnerId: request.partnerId as PartnerId,
        customerOrgId: request.customerOrgId as OrgId,
        roles: request.roles,
        durationDays: request.durationDays,
        ...(request.autoExtend !== undefined ? { autoExtend: request.autoExtend } : {}),
        at: context.occurredAt,
        by: caller,
      };
    },
    answer: (input, _result, position): GdapRequestedAnswer => ({
      relationshipId: relationshipIdOf(input),
      position,
    }),
  }),
  approve: endorse('ApproveGdapRelationship'),
  terminate: endorse('TerminateGdapRelationship'),
};

import { OrgId, UserId, deterministicId } from '@hub/domain';
import {
  hashCode,
  readOnlySessionDecider,
  readOnlySessionStream,
  suppressionDecider,
  suppressionStream,
  verificationDecider,
  verificationRefusal,
  verificationStream,
} from '@hub/domain/helpdesk';
import {
  customerStream,
  customerSubscriptionsDecider,
} from '@hub/domain/subscriptions/customer-subscriptions.decider';
import { CommandInput, command } from '../execution/command';
import {
  ConfirmVerificationCodeRequest,
  ReadOnlySessionOpenedAnswer,
  VerificationConfirmedAnswer,
} from './helpdesk.requests';

type Confirm = CommandInput<ConfirmVerificationCodeRequest & { userId: string }>;

type Open = CommandInput<{ orgId: string }>;
/** Derived from the command id, so a retried request names the same session. */
const sessionIdOf = ({ context }: Open) => deterministicId('readonly-session', context.commandId);

/** Help Desk commands (api.md "Commands", domain.md §7), the agent checked before deciding. */
export const helpdeskCommands = {
  /** An agent takes a managed user's address off the do-not-contact list. */
  removeSuppression: command({
    // Named by the address's keyed hash: an address is never a stream name.
    stream: ({ request }: CommandInput<{ email: string }>, reads) =>
      suppressionStream(reads.customers.addressKey(request.email)),
    decider: suppressionDecider,
    read: ({ request, caller }, reads) => reads.helpdesk.forEmail(caller, request.email),
    command: ({ request, caller, context }, check) => ({
      type: 'RemoveFromSuppressionList' as const,
      email: request.email,
      ...check,
      at: context.occurredAt,
      by: caller,
    }),
  }),

  /**
   * An agent opens a customer org read-only, only while the customer allows it; the consent is
   * read from `customer-<orgId>` just before deciding.
   */
  openReadOnlySession: command({
    stream: (input: Open) => readOnlySessionStream(sessionIdOf(input)),
    decider: readOnlySessionDecider,
    read: async ({ request, caller }, reads) => {
      const org = request.orgId as OrgId;
      const check = await reads.helpdesk.forOrg(caller, org);
      const customer = await reads.state(customerStream(org), customerSubscriptionsDecider);
      return { check, consent: customer.readOnlyConsent[check.partnerId] };
    },
    command: (input, { check, consent }) => ({
      type: 'OpenReadOnlySession' as const,
      sessionId: sessionIdOf(input),
      orgId: input.request.orgId as OrgId,
      consent,
      ...check,
      at: input.context.occurredAt,
      by: input.caller,
    }),
    answer: (input, result, position): ReadOnlySessionOpenedAnswer => {
      if (result.state.status !== 'opened') throw new Error('session not opened');
      return { sessionId: sessionIdOf(input), endsAt: result.state.endsAt, position };
    },
  }),

  /**
   * The agent types in the code the user read back. A wrong try is a fact (it counts toward the
   * lock): it is appended, then answered as the refusal it records.
   */
  confirmVerificationCode: command({
    stream: ({ request }: Confirm) => verificationStream(request.userId as UserId),
    decider: verificationDecider,
    read: async ({ request, caller }, reads, state) => ({
      check: await reads.helpdesk.forUser(caller, request.userId as UserId),
      // Hashed with the stored salt on libuv's pool, not on the event loop.
      candidateHash: state.code ? await hashCode(request.code, state.code.salt) : '',
    }),
    command: ({ request, caller, context }, { check, candidateHash }) => ({
      type: 'ConfirmVerificationCode' as const,
      userId: request.userId as UserId,
      candidateHash,
      isAgent: check.isAgent,
      managed: check.managed,
      at: context.occurredAt,
      by: caller,
    }),
    answer: (_, result, position): VerificationConfirmedAnswer => {
      const refusal = verificationRefusal(result.events);
      if (refusal) throw refusal;
      return { verified: true, position };
    },
  }),
};

import { AgreementId, OrgId, UserId, deterministicId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { CommandInput, command } from '../execution/command';
import {
  AccountPolicyRequest,
  ActivateAgreementRequest,
  AgreementActivatedAnswer,
  CalendarRequest,
} from './agreement.requests';
import { callerInAgreement } from './caller-context';

type Activate = CommandInput<ActivateAgreementRequest>;
/** Given, or derived from the command id so a retried request names the same agreement. */
const agreementIdOf = ({ request, context }: Activate) =>
  (request.agreementId ?? deterministicId('agreement', context.commandId)) as AgreementId;

/** Agreement commands (api.md "Commands"): each on the agreement's stream. */
export const agreementCommands = {
  /**
   * CSAM/AC activate an agreement. Its default workspace, with the Service Administrator and the
   * named contacts invited, follows before the answer (the default-workspace workflow).
   */
  activate: command({
    stream: (input: Activate) => agreementStream(agreementIdOf(input)),
    decider: agreementDecider,
    command: (input) => {
      const { request, caller, context } = input;
      return {
        type: 'ActivateAgreement' as const,
        agreementId: agreementIdOf(input),
        customer: { orgId: request.customer.orgId as OrgId, name: request.customer.name },
        agreementType: request.type,
        startsOn: request.startsOn,
        endsOn: request.endsOn,
        serviceAdministrator: request.serviceAdministrator,
        namedContacts: request.namedContacts,
        allowPersonalAccounts: request.allowPersonalAccounts,
        at: context.occurredAt,
        by: caller,
      };
    },
    answer: (input, result, position): AgreementActivatedAnswer => {
      if (result.state.status !== 'active')
        throw new Error('agreement not active after activation');
      return {
        agreementId: agreementIdOf(input),
        defaultWorkspaceId: result.state.defaultWorkspaceId,
        position,
      };
    },
  }),

  /** A Customer Administrator switches whether personal accounts may join (unified agreements). */
  changeAccountPolicy: command({
    stream: ({ request }: CommandInput<AccountPolicyRequest & { agreementId: string }>) =>
      agreementStream(request.agreementId as AgreementId),
    decider: agreementDecider,
    command: ({ request, caller, context }, _read, agreement) => ({
      type: 'ChangeAccountPolicy' as const,
      agreementId: request.agreementId as AgreementId,
      allowPersonalAccounts: request.allowPersonalAccounts,
      at: context.occurredAt,
      by: callerInAgreement(caller, agreement),
    }),
  }),

  /** Calendar and Customer Administrators (domain.md §3, §5): CustomerAdministrator, CSAM, AC. */
  setCalendar: command({
    stream: ({ request }: CommandInput<CalendarRequest & { agreementId: string }>) =>
      agreementStream(request.agreementId as AgreementId),
    decider: agreementDecider,
    command: ({ request, caller, context }, _read, agreement) => ({
      type: 'SetBusinessCalendar' as const,
      agreementId: request.agreementId as AgreementId,
      timeZone: request.timeZone,
      holidays: request.holidays,
      at: context.occurredAt,
      by: callerInAgreement(caller, agreement),
    }),
  }),

  /** The appointee must belong to the customer organisation (read before deciding). */
  appointCustomerAdministrator: command({
    stream: ({ request }: CommandInput<{ agreementId: string; userId: string }>) =>
      agreementStream(request.agreementId as AgreementId),
    decider: agreementDecider,
    read: ({ request }, reads, agreement) =>
      agreement.status === 'active' && typeof request.userId === 'string'
        ? reads.customers.belongsToOrganisation(agreement, request.userId as UserId)
        : Promise.resolve(false),
    command: ({ request, caller, context }, appointeeIsMember, agreement) => ({
      type: 'AddCustomerAdministrator' as const,
      agreementId: request.agreementId as AgreementId,
      userId: request.userId as UserId,
      appointeeIsMember,
      at: context.occurredAt,
      by: callerInAgreement(caller, agreement),
    }),
  }),

  removeCustomerAdministrator: command({
    stream: ({ request }: CommandInput<{ agreementId: string; userId: string }>) =>
      agreementStream(request.agreementId as AgreementId),
    decider: agreementDecider,
    command: ({ request, caller, context }, _read, agreement) => ({
      type: 'RemoveCustomerAdministrator' as const,
      agreementId: request.agreementId as AgreementId,
      userId: request.userId as UserId,
      at: context.occurredAt,
      by: callerInAgreement(caller, agreement),
    }),
  }),
};

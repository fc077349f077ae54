import {
  AgreementId,
  Decider,
  ForbiddenError,
  NotFoundError,
  OrgId,
  UserId,
  ValidationError,
  WorkspaceId,
  deterministicId,
  refuse,
  requireProviderStaff,
} from '../shared';
import { validatePeriod } from '../contracts/entitlement';
import { AgreementCommand, ActivateAgreement } from './agreement.commands';
import { decideAdministration } from './agreement.administration';
import { BusinessCalendar } from './business-calendar';
import { AgreementEvent, AgreementType, NamedPerson } from './agreement.events';

/** The stream holding one agreement's history. */
export function agreementStream(agreementId: AgreementId): string {
  return `agreement-${agreementId}`;
}

/** The default workspace's id, derived so a replayed activation names the same workspace. */
export function defaultWorkspaceIdFor(agreementId: AgreementId): WorkspaceId {
  return deterministicId('default-workspace', agreementId) as WorkspaceId;
}

/** What the agreement's rules need, and what handlers read (policy, administrators). */
export type AgreementState =
  | { status: 'none' }
  | {
      status: 'active';
      agreementId: AgreementId;
      customer: { orgId: OrgId; name: string };
      agreementType: AgreementType;
      startsOn: string;
      endsOn: string;
      allowPersonalAccounts: boolean;
      customerAdministrators: UserId[];
      /** Absent until set: UTC without holidays. */
      calendar?: BusinessCalendar;
      defaultWorkspaceId: WorkspaceId;
      /** Exactly as activated, so the handler can tell an identical retry from a conflict. */
      activation: ActivationTerms;
    };

/** The activation's terms, to compare a repeated ActivateAgreement with. */
export interface ActivationTerms {
  customer: { orgId: OrgId; name: string };
  agreementType: AgreementType;
  startsOn: string;
  endsOn: string;
  serviceAdministrator: NamedPerson;
  namedContacts: NamedPerson[];
  allowPersonalAccounts: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateActivation(command: ActivateAgreement): void {
  validatePeriod(command.startsOn, command.endsOn);
  const fields: Record<string, string[]> = {};
  if (command.agreementType !== 'premier' && command.agreementType !== 'unified') {
    fields.type = ['must be premier or unified'];
  }
  if (!command.customer?.orgId || !command.customer.name?.trim()) {
    fields.customer = ['orgId and name are required'];
  }
  if (!EMAIL.test(command.serviceAdministrator?.email ?? '')) {
    fields['serviceAdministrator.email'] = ['must be an e-mail address'];
  }
  const seen = new Set<string>();
  command.namedContacts.forEach((contact, index) => {
    const email = contact.email?.toLowerCase() ?? '';
    if (!EMAIL.test(email)) fields[`namedContacts[${index}].email`] = ['must be an e-mail address'];
    else if (seen.has(email)) fields[`namedContacts[${index}].email`] = ['duplicate e-mail'];
    seen.add(email);
  });
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid agreement.', fields);
}

function requireActive(state: AgreementState, agreementId: AgreementId) {
  if (state.status !== 'active') {
    throw new NotFoundError(
      `Agreement ${agreementId} not found.`,
      { agreementId },
      'agreement_not_found',
    );
  }
  return state;
}

/** Agreement: activation, account-type policy and its Customer Administrators. */
export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'ActivateAgreement': {
        requireProviderStaff(command.by, 'activate an agreement');
        if (state.status === 'active') {
          refuse(
            'agreement_already_activated',
            `Agreement ${command.agreementId} is already active.`,
          );
        }
        validateActivation(command);
        return [
          {
            type: 'AgreementActivated',
            data: {
              agreementId: command.agreementId,
              customer: command.customer,
              agreementType: command.agreementType,
              startsOn: command.startsOn,
              endsOn: command.endsOn,
              serviceAdministrator: command.serviceAdministrator,
              namedContacts: command.namedContacts,
              allowPersonalAccounts: command.allowPersonalAccounts ?? false,
              defaultWorkspaceId: defaultWorkspaceIdFor(command.agreementId),
              activatedAt: command.at,
            },
          },
        ];
      }
      case 'ChangeAccountPolicy': {
        const agreement = requireActive(state, command.agreementId);
        // Only the customer decides who may join its workspaces, not the provider.
        const isAdministrator =
          command.by.isCustomerAdministrator ||
          agreement.customerAdministrators.includes(command.by.userId);
        if (!isAdministrator) {
          throw new ForbiddenError(
            'Only a Customer Administrator may change the account policy.',
            'customer_administrator_required',
          );
        }
        if (agreement.allowPersonalAccounts === command.allowPersonalAccounts) return [];
        return [
          {
            type: 'AccountPolicyChanged',
            data: {
              agreementId: command.agreementId,
              allowPersonalAccounts: command.allowPersonalAccounts,
              changedAt: command.at,
            },
          },
        ];
      }
      case 'SetBusinessCalendar':
      case 'AddCustomerAdministrator':
      case 'RemoveCustomerAdministrator':
        return decideAdministration(command, requireActive(state, command.agreementId));
      case 'AppointCustomerAdministrator': {
        const agreement = requireActive(state, command.agreementId);
        if (agreement.customerAdministrators.includes(command.userId)) return [];
        return [
          {
            type: 'CustomerAdministratorAppointed',
            data: {
              agreementId: command.agreementId,
              userId: command.userId,
              appointedAt: command.at,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AgreementActivated': {
        const { agreementId, defaultWorkspaceId, activatedAt: _at, ...terms } = event.data;
        return {
          status: 'active',
          agreementId,
          customer: terms.customer,
          agreementType: terms.agreementType,
          startsOn: terms.startsOn,
          endsOn: terms.endsOn,
          allowPersonalAccounts: terms.allowPersonalAccounts,
          customerAdministrators: [],
          defaultWorkspaceId,
          activation: terms,
        };
      }
      case 'AccountPolicyChanged':
        return state.status === 'active'
          ? { ...state, allowPersonalAccounts: event.data.allowPersonalAccounts }
          : state;
      case 'CustomerAdministratorAppointed':
        return state.status === 'active'
          ? {
              ...state,
              customerAdministrators: [...state.customerAdministrators, event.data.userId],
            }
          : state;
      case 'CustomerAdministratorRemoved':
        return state.status === 'active'
          ? {
              ...state,
              customerAdministrators: state.customerAdministrators.filter(
                (userId) => userId !== event.data.userId,
              ),
            }
          : state;
      case 'BusinessCalendarSet': {
        if (state.status !== 'active') return state;
        const { timeZone, holidays } = event.data;
        return { ...state, calendar: { timeZone, holidays } };
      }
    }
  },
};

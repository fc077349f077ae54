import {
  AgreementId,
  Caller,
  ForbiddenError,
  NotFoundError,
  UserId,
  ValidationError,
  isProviderStaff,
  refuse,
} from '../shared';
import { isIsoDate } from '../contracts/entitlement';
import { BusinessCalendar, isTimeZone } from './business-calendar';
import { AgreementEvent } from './agreement.events';

/** The agreement as these rules read it (an active one). */
export interface AdministeredAgreement {
  agreementId: AgreementId;
  customerAdministrators: UserId[];
  calendar?: BusinessCalendar;
}

/** CustomerAdministrator, CSAM or AC: set the time zone and holidays (PUT …/calendar). */
export interface SetBusinessCalendar {
  type: 'SetBusinessCalendar';
  agreementId: AgreementId;
  timeZone: string;
  holidays: string[];
  at: string;
  by: Caller;
}

/** CustomerAdministrator, CSAM or AC: appoint a further Customer Administrator (POST …). */
export interface AddCustomerAdministrator {
  type: 'AddCustomerAdministrator';
  agreementId: AgreementId;
  userId: UserId;
  /** Read before deciding: whether the appointee belongs to the customer organisation. */
  appointeeIsMember: boolean;
  at: string;
  by: Caller;
}

/** CustomerAdministrator, CSAM or AC: remove one; never the last (DELETE …/{userId}). */
export interface RemoveCustomerAdministrator {
  type: 'RemoveCustomerAdministrator';
  agreementId: AgreementId;
  userId: UserId;
  at: string;
  by: Caller;
}

export type AdministrationCommand =
  SetBusinessCalendar | AddCustomerAdministrator | RemoveCustomerAdministrator;

/**
 * Only the agreement's Customer Administrators and provider staff administer it (403
 * `customer_administrator_required`; the API answers 404 when the agreement is outside the
 * caller's scope altogether, as for an id that does not exist).
 */
function requireAdministrator(agreement: AdministeredAgreement, by: Caller): void {
  const administers =
    isProviderStaff(by) ||
    by.isCustomerAdministrator === true ||
    agreement.customerAdministrators.includes(by.userId);
  if (!administers) {
    throw new ForbiddenError(
      'Only a Customer Administrator, CSAM or AC administers the agreement.',
      'customer_administrator_required',
    );
  }
}

function validateCalendar(command: SetBusinessCalendar): BusinessCalendar {
  const fields: Record<string, string[]> = {};
  if (!isTimeZone(command.timeZone)) fields.timeZone = ['must be an IANA time zone name'];
  const holidays = Array.isArray(command.holidays) ? command.holidays : [];
  if (!Array.isArray(command.holidays) || holidays.some((day) => !isIsoDate(day))) {
    fields.holidays = ['must be a list of days YYYY-MM-DD'];
  }
  if (holidays.length > 1000) fields.holidays = ['at most 1000 days'];
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid calendar.', fields);
  return { timeZone: command.timeZone, holidays: [...new Set(holidays)].sort() };
}

/** Calendar and Customer Administrators of an active agreement (domain.md §3, §5). */
export function decideAdministration(
  command: AdministrationCommand,
  agreement: AdministeredAgreement,
): AgreementEvent[] {
  requireAdministrator(agreement, command.by);
  const agreementId = agreement.agreementId;
  switch (command.type) {
    case 'SetBusinessCalendar': {
      const calendar = validateCalendar(command);
      const current = agreement.calendar;
      const same =
        current?.timeZone === calendar.timeZone &&
        current.holidays.join() === calendar.holidays.join();
      if (same) return [];
      return [
        {
          type: 'BusinessCalendarSet',
          data: { agreementId, ...calendar, setBy: command.by.userId, setAt: command.at },
        },
      ];
    }
    case 'AddCustomerAdministrator': {
      if (!command.userId?.trim()) {
        throw new ValidationError('Invalid administrator.', { userId: ['must not be empty'] });
      }
      if (agreement.customerAdministrators.includes(command.userId)) return [];
      // Only someone of the customer's organisation administers its agreement (domain.md §3).
      if (!command.appointeeIsMember) {
        refuse(
          'appointee_not_member',
          'A Customer Administrator must be a member of the customer organisation.',
        );
      }
      const data = { agreementId, userId: command.userId, appointedAt: command.at };
      return [{ type: 'CustomerAdministratorAppointed', data }];
    }
    case 'RemoveCustomerAdministrator': {
      const administrators = agreement.customerAdministrators;
      if (!administrators.includes(command.userId)) {
        throw new NotFoundError(
          `${command.userId} is not a Customer Administrator.`,
          { userId: command.userId },
          'customer_administrator_not_found',
        );
      }
      if (administrators.length === 1) {
        refuse(
          'last_customer_administrator',
          'The last Customer Administrator of an agreement cannot be removed.',
        );
      }
      const data = {
        agreementId,
        userId: command.userId,
        removedBy: command.by.userId,
        removedAt: command.at,
      };
      return [{ type: 'CustomerAdministratorRemoved', data }];
    }
  }
}

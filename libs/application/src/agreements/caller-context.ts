import { Caller } from '@hub/domain';
import { AgreementState } from '@hub/domain/agreements/agreement.decider';

/**
 * The caller as the agreement sees them: a Customer Administrator of it or not. Read from the
 * agreement stream itself (strongly consistent), so a change applies to the very next command.
 */
export function callerInAgreement(caller: Caller, agreement: AgreementState): Caller {
  return {
    ...caller,
    isCustomerAdministrator:
      agreement.status === 'active' && agreement.customerAdministrators.includes(caller.userId),
  };
}

import { Caller, OrgId } from '@hub/domain';
import { callerInAgreement } from '../agreements/caller-context';
import { CustomerIndex } from '../indexes/customer-index';

/**
 * The caller as the customer org sees them: a Customer Administrator of any of the org's
 * agreements, read from the agreement streams (strongly consistent, so an appointment applies
 * to the very next command). A token of another org is never the org's administrator.
 */
export async function callerAsCustomer<C extends Caller>(
  index: CustomerIndex,
  caller: C,
  orgId: OrgId,
): Promise<C> {
  if (caller.orgId !== orgId) return { ...caller, isCustomerAdministrator: false };
  const agreements = await index.agreementsOf(orgId);
  const isCustomerAdministrator = agreements.some(
    (agreement) => callerInAgreement(caller, agreement).isCustomerAdministrator,
  );
  return { ...caller, isCustomerAdministrator };
}

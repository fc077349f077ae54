import { ERASED } from '@hub/domain';
import { addressKeyOf } from '@hub/event-store';

/**
 * The keyed hash a look-up by address finds a person's record by (`addressKeyOf`): none once
 * the person is erased, so an erased person is found by no address (an invitation, a search).
 * The do-not-contact list is the exception, on purpose: it keeps answering for the address.
 */
export function lookupAddressKey(record: { email: string }): string | null {
  return record.email === ERASED ? null : (addressKeyOf(record) ?? null);
}

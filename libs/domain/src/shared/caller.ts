import { ForbiddenError } from './errors';
import { OrgId, UserId } from './ids';

/** A role held on the provider side (domain.md §1). */
export type ProviderRole = 'CSAM' | 'AC' | 'Auditor' | 'Operator';

/**
 * Who sends a command, as the handler read it from the token. Deciders only read it:
 * `isCustomerAdministrator` is filled by the handler from the agreement stream (strongly
 * consistent), so the decider never has to look across streams.
 */
export interface Caller {
  userId: UserId;
  /** The token's e-mail; matched case-insensitively against invitations. */
  email?: string;
  orgId?: OrgId;
  providerRoles: ProviderRole[];
  /** An internal service (delivery, directory), not a person. */
  service?: boolean;
  /** `work` (work or school) or `personal` (account-type policy, domain.md §3). */
  accountType?: 'work' | 'personal';
  /** A Customer Administrator of the agreement the command touches. */
  isCustomerAdministrator?: boolean;
}

/** CSAM and AC are the provider staff who set agreements, contracts and workspaces up. */
export function isProviderStaff(caller: Caller): boolean {
  return caller.providerRoles.includes('CSAM') || caller.providerRoles.includes('AC');
}

/** Refuses (403 `provider_role_required`) unless the caller is a CSAM or an AC. */
export function requireProviderStaff(caller: Caller, action: string): void {
  if (!isProviderStaff(caller)) {
    throw new ForbiddenError(`Only a CSAM or AC may ${action}.`, 'provider_role_required');
  }
}

import { Caller, PartnerId } from '../shared';

/** A role a partner's own directory puts in the token's `roles` claim (api.md "Auth"). */
export type PartnerRole = 'AdminAgent' | 'PartnerAdmin';

/**
 * The shared `Caller` plus the partner roles of the token. Kept local until `Caller`
 * carries them: AdminAgent and PartnerAdmin come from the token, never from the hub
 * (only HelpDeskAgent is granted in the hub, domain.md §7).
 */
export type PartnerCaller = Caller & { partnerRoles?: PartnerRole[] };

/** The caller belongs to this partner's organisation and holds the role there. */
export function holdsPartnerRole(
  caller: PartnerCaller,
  partnerId: PartnerId,
  role: PartnerRole,
): boolean {
  return (
    (caller.orgId as string | undefined) === partnerId && (caller.partnerRoles ?? []).includes(role)
  );
}

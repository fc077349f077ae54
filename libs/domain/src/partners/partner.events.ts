import { DomainEvent, PartnerId, UserId } from '../shared';

/** How a partner sells the provider's cloud (domain.md §6); only providers may file Azure cases. */
export type PartnerKind = 'direct-provider' | 'indirect-provider' | 'indirect-reseller' | 'advisor';

/** Every partner kind, for validation and docs. */
export const PARTNER_KINDS: readonly PartnerKind[] = [
  'direct-provider',
  'indirect-provider',
  'indirect-reseller',
  'advisor',
];

/** A CSAM or AC registered a CSP partner with the hub. */
export type PartnerRegistered = DomainEvent<
  'PartnerRegistered',
  { partnerId: PartnerId; name: string; kind: PartnerKind; registeredAt: string }
>;

/** A Partner Admin gave one of the partner's users the HelpDeskAgent role (domain.md §7). */
export type HelpDeskAgentGranted = DomainEvent<
  'HelpDeskAgentGranted',
  { partnerId: PartnerId; userId: UserId; grantedBy: UserId; grantedAt: string }
>;

/** Every fact a partner stream holds. */
export type PartnerEvent = PartnerRegistered | HelpDeskAgentGranted;

import { Product } from '../subscriptions/customer-subscriptions.events';

/**
 * Microsoft Entra roles a GDAP relationship may carry. The seeds name the relationship's
 * roles without listing them ("see the GDAP role guidance", seeds 002/004); domain.md §6
 * names ServiceSupportAdministrator, HelpdeskAdministrator, GlobalReader, DirectoryReader.
 */
export const GDAP_ROLES = [
  'ServiceSupportAdministrator',
  'HelpdeskAdministrator',
  'GlobalReader',
  'DirectoryReader',
  'GlobalAdministrator',
  'UserAdministrator',
  'ExchangeAdministrator',
  'SharePointAdministrator',
  'TeamsAdministrator',
  'IntuneAdministrator',
  'Dynamics365Administrator',
  'SecurityReader',
] as const;

/** One role of a GDAP relationship. */
export type GdapRole = (typeof GDAP_ROLES)[number];

/** A product line a case is about: the same names as a subscription's product (domain.md §6). */
export type Workload = Product;

const EVERY_PROVIDER_WORKLOAD: readonly Workload[] = ['azure', 'office365', 'dynamics-crm', 'ems'];

/**
 * Which roles let a partner file a support case for which workload.
 *
 * - ServiceSupportAdministrator: "the least role that allows filing a support case"
 *   (domain.md §6); it is the support-ticket role, so it covers every supported workload
 *   (Azure, Office 365, Dynamics CRM Online, EMS: seed 002 "Mereka tersedia untuk …").
 * - GlobalAdministrator: holds every permission, so it covers them too.
 * - HelpdeskAdministrator: manages support tickets for the tenant as well, so it covers
 *   all four; Azure still needs subscription access, which the case policy checks apart.
 * - A workload's own administrator covers only that workload: Exchange, SharePoint and
 *   Teams administrators → office365, Intune administrator → ems (Enterprise Mobility
 *   Suite), Dynamics 365 administrator → dynamics-crm.
 * - UserAdministrator: user and licence issues of the Microsoft 365 tenant → office365, ems.
 * - Readers (GlobalReader, DirectoryReader, SecurityReader) file nothing: they may only
 *   view service health and incidents (seed 002 "Melihat kesehatan layanan pelanggan").
 * - Marketplace: no role covers it; the provider does not support those products at all
 *   (seed 002 "Dukungan untuk produk marketplace komersial").
 */
export const WORKLOADS_COVERED_BY: Readonly<Record<GdapRole, readonly Workload[]>> = {
  ServiceSupportAdministrator: EVERY_PROVIDER_WORKLOAD,
  GlobalAdministrator: EVERY_PROVIDER_WORKLOAD,
  HelpdeskAdministrator: EVERY_PROVIDER_WORKLOAD,
  UserAdministrator: ['office365', 'ems'],
  ExchangeAdministrator: ['office365'],
  SharePointAdministrator: ['office365'],
  TeamsAdministrator: ['office365'],
  IntuneAdministrator: ['ems'],
  Dynamics365Administrator: ['dynamics-crm'],
  GlobalReader: [],
  DirectoryReader: [],
  SecurityReader: [],
};

/** Whether any of the roles allows filing a support case for the workload. */
export function rolesCoverWorkload(roles: readonly GdapRole[], workload: Workload): boolean {
  return roles.some((role) => WORKLOADS_COVERED_BY[role]?.includes(workload) ?? false);
}

/** Whether a string names a known GDAP role. */
export function isGdapRole(role: string): role is GdapRole {
  return (GDAP_ROLES as readonly string[]).includes(role);
}

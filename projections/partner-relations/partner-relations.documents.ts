/** A GDAP relationship as both sides list it (domain.md §6). */
export interface GdapDoc {
  [key: string]: unknown;
  relationshipId: string;
  partnerId: string;
  customerOrgId: string;
  roles: string[];
  durationDays: number;
  autoExtend: boolean;
  requestedAt: string;
  approvalDeadline: string;
  approvedAt: string | null;
  endsAt: string | null;
  terminatedAt: string | null;
}

/** A read-only session a Help Desk agent held on a customer organisation (domain.md §7). */
export interface SessionDoc {
  [key: string]: unknown;
  sessionId: string;
  orgId: string;
  partnerId: string;
  agentUserId: string;
  openedAt: string;
  /** openedAt + 1 hour. */
  endsAt: string;
}

/** When a customer withdrew a partner's read-only consent: it ends the sessions open then. */
export interface ConsentDoc {
  [key: string]: unknown;
  orgId: string;
  partnerId: string;
  withdrawals: string[];
}

/** One incident of a customer's service health, as last reported (domain.md §6). */
export interface IncidentDoc {
  [key: string]: unknown;
  incidentId: string;
  orgId: string;
  workload: string;
  status: string;
  title: string;
  startedAt: string;
  endedAt: string | null;
}

/** A Customer Administrator of an agreement, with the agreement's customer organisation. */
export interface OrgAdminDoc {
  [key: string]: unknown;
  agreementId: string;
  orgId: string;
  userId: string;
}

/** An agreement's customer organisation (to file its administrators under it). */
export interface AgreementOrgDoc {
  [key: string]: unknown;
  agreementId: string;
  orgId: string;
}

export const PARTNER_RELATIONS_COLLECTIONS = {
  gdap: 'gdap',
  sessions: 'sessions',
  consents: 'consents',
  incidents: 'incidents',
  agreements: 'agreements',
  orgAdmins: 'org_admins',
} as const;

export const consentId = (orgId: string, partnerId: string) => `${orgId}:${partnerId}`;
export const orgAdminId = (agreementId: string, userId: string) => `${agreementId}:${userId}`;

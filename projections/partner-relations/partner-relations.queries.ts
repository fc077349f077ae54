import { NotFoundError } from '@hub/domain';
import { GdapStatus, gdapStatusAt } from '@hub/domain/gdap/gdap-status';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '@hub/projections/access/access.queries';
import {
  PARTNER_RELATIONS_COLLECTIONS as C,
  ConsentDoc,
  GdapDoc,
  IncidentDoc,
  OrgAdminDoc,
  SessionDoc,
  consentId,
} from './partner-relations.documents';

/** Who asks, as these answers are scoped (from the token and the read model). */
export interface RelationsCaller {
  userId: string;
  /** Provider staff and auditors read every side. */
  all: boolean;
  orgKind?: 'customer' | 'partner' | 'provider';
  orgId?: string;
  roles: readonly string[];
}

const notFound = (what: string) => new NotFoundError(`${what} not found`);

/** Whether the caller is a Customer Administrator of an agreement of `orgId`. */
export async function administersOrg(
  view: ProjectionView,
  caller: RelationsCaller,
  orgId: string,
): Promise<boolean> {
  const found = await findAll<OrgAdminDoc>(view, C.orgAdmins, { userId: caller.userId, orgId });
  return found.length > 0;
}

const PARTNER_STAFF = ['PartnerAdmin', 'AdminAgent', 'HelpDeskAgent'];
const isPartnerStaffOf = (caller: RelationsCaller, partnerId: string) =>
  caller.orgKind === 'partner' &&
  caller.orgId === partnerId &&
  caller.roles.some((role) => PARTNER_STAFF.includes(role));

export interface GdapRow {
  relationshipId: string;
  partnerId: string;
  customerOrgId: string;
  roles: string[];
  durationDays: number;
  autoExtend: boolean;
  status: GdapStatus;
  requestedAt: string;
  approvedAt: string | null;
  endsAt: string | null;
  terminatedAt: string | null;
}

function gdapRow(doc: GdapDoc, now: Date): GdapRow {
  const state = {
    status: doc.terminatedAt ? 'terminated' : doc.approvedAt ? 'approved' : 'requested',
    approvalDeadline: doc.approvalDeadline,
    endsAt: doc.endsAt ?? undefined,
  } as Parameters<typeof gdapStatusAt>[0];
  const { relationshipId, partnerId, customerOrgId, roles, durationDays, autoExtend } = doc;
  return {
    relationshipId,
    partnerId,
    customerOrgId,
    roles: [...roles],
    durationDays,
    autoExtend,
    status: gdapStatusAt(state, now.toISOString()),
    requestedAt: doc.requestedAt,
    approvedAt: doc.approvedAt,
    endsAt: doc.endsAt,
    terminatedAt: doc.terminatedAt,
  };
}

/**
 * GET /v1/gdap-relationships, scoped to the caller's side (domain.md §6): a partner's admins and
 * agents see their partner's, a customer's Customer Administrators those of their organisation.
 * Without a filter the caller's own side is meant; another side's filter is 404.
 */
export async function gdapRelationships(
  view: ProjectionView,
  caller: RelationsCaller,
  filter: { partnerId?: string; customerOrgId?: string },
  now: Date,
): Promise<{ relationships: GdapRow[] }> {
  const partnerId = filter.partnerId ?? (caller.orgKind === 'partner' ? caller.orgId : undefined);
  const customerOrgId =
    filter.customerOrgId ?? (caller.orgKind === 'customer' ? caller.orgId : undefined);
  const query: Record<string, string> = {};
  if (partnerId !== undefined) {
    if (!caller.all && !isPartnerStaffOf(caller, partnerId)) throw notFound(`Partner ${partnerId}`);
    query.partnerId = partnerId;
  }
  if (customerOrgId !== undefined) {
    const allowed =
      caller.all ||
      query.partnerId !== undefined ||
      (await administersOrg(view, caller, customerOrgId));
    if (!allowed) throw notFound(`Organisation ${customerOrgId}`);
    query.customerOrgId = customerOrgId;
  }
  // Provider staff and auditors asking for no side in particular get every relationship.
  if (Object.keys(query).length === 0 && !caller.all) throw notFound('Relationships');
  const docs = await findAll<GdapDoc>(view, C.gdap, query);
  const relationships = docs
    .map((doc) => gdapRow(doc, now))
    .sort(
      (a, b) =>
        b.requestedAt.localeCompare(a.requestedAt) ||
        a.relationshipId.localeCompare(b.relationshipId),
    );
  return { relationships };
}

/** Whether a partner AdminAgent's partner holds an active GDAP relationship with the org. */
async function agentUnderActiveGdap(
  view: ProjectionView,
  caller: RelationsCaller,
  orgId: string,
  now: Date,
): Promise<boolean> {
  if (caller.orgKind !== 'partner' || !caller.orgId || !caller.roles.includes('AdminAgent'))
    return false;
  const docs = await findAll<GdapDoc>(view, C.gdap, {
    partnerId: caller.orgId,
    customerOrgId: orgId,
  });
  return docs.some((doc) => gdapRow(doc, now).status === 'active');
}

export interface IncidentRow {
  incidentId: string;
  workload: string;
  status: string;
  title: string;
  startedAt: string;
  endedAt: string | null;
}

/**
 * GET /v1/customers/{orgId}/service-health: the org's incidents, newest first, for its Customer
 * Administrators and for a partner's AdminAgents while an active GDAP relationship links them.
 */
export async function serviceHealth(
  view: ProjectionView,
  caller: RelationsCaller,
  orgId: string,
  now: Date,
): Promise<{ incidents: IncidentRow[] }> {
  const allowed =
    caller.all ||
    (await administersOrg(view, caller, orgId)) ||
    (await agentUnderActiveGdap(view, caller, orgId, now));
  if (!allowed) throw notFound(`Organisation ${orgId}`);
  const docs = await findAll<IncidentDoc>(view, C.incidents, { orgId });
  const incidents = docs
    .map(({ incidentId, workload, status, title, startedAt, endedAt }) => ({
      incidentId,
      workload,
      status,
      title,
      startedAt,
      endedAt,
    }))
    .sort(
      (a, b) => b.startedAt.localeCompare(a.startedAt) || a.incidentId.localeCompare(b.incidentId),
    );
  return { incidents };
}

export interface SessionRow {
  sessionId: string;
  agentUserId: string;
  partnerId: string;
  openedAt: string;
  endedAt: string | null;
  endedBecause: 'expired' | 'consent-withdrawn' | null;
}

/** A session ends at its hour, or earlier when the customer withdrew the partner's consent. */
function sessionRow(doc: SessionDoc, consent: ConsentDoc | null, now: Date): SessionRow {
  const withdrawn = consent?.withdrawals.find((at) => at >= doc.openedAt && at < doc.endsAt);
  const ended = withdrawn
    ? { endedAt: withdrawn, endedBecause: 'consent-withdrawn' as const }
    : Date.parse(doc.endsAt) <= now.getTime()
      ? { endedAt: doc.endsAt, endedBecause: 'expired' as const }
      : { endedAt: null, endedBecause: null };
  const { sessionId, agentUserId, partnerId, openedAt } = doc;
  return { sessionId, agentUserId, partnerId, openedAt, ...ended };
}

/** GET /v1/customers/{orgId}/readonly-sessions: for the org's Customer Administrators. */
export async function readOnlySessions(
  view: ProjectionView,
  caller: RelationsCaller,
  orgId: string,
  now: Date,
): Promise<{ sessions: SessionRow[] }> {
  if (!caller.all && !(await administersOrg(view, caller, orgId)))
    throw notFound(`Organisation ${orgId}`);
  const docs = await findAll<SessionDoc>(view, C.sessions, { orgId });
  const partners = [...new Set(docs.map((doc) => doc.partnerId))];
  const consents = new Map<string, ConsentDoc>();
  for (const partnerId of partners) {
    const consent = await view.store.get<ConsentDoc>(
      view.collection(C.consents),
      consentId(orgId, partnerId),
    );
    if (consent) consents.set(partnerId, consent);
  }
  const sessions = docs
    .map((doc) => sessionRow(doc, consents.get(doc.partnerId) ?? null, now))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.sessionId.localeCompare(b.sessionId));
  return { sessions };
}

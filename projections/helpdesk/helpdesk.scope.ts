import { ForbiddenError, NotFoundError } from '@hub/domain';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '../access/access.queries';
import {
  HELPDESK_COLLECTIONS as C,
  AgentDoc,
  ManagedDoc,
  OrgDoc,
  agentId,
} from './helpdesk.documents';

/**
 * The agent's partner when the caller holds the hub-granted HelpDeskAgent role of the partner
 * their token names (`org` claim); else 403, as the help-desk commands answer (domain.md §7).
 */
export async function agentPartnerOf(
  view: ProjectionView,
  caller: { userId: string; orgId?: string },
): Promise<string> {
  const partnerId = caller.orgId ?? '';
  const agent = partnerId
    ? await view.store.get<AgentDoc>(view.collection(C.agents), agentId(partnerId, caller.userId))
    : null;
  if (!agent)
    throw new ForbiddenError(
      'Only a Help Desk agent of the partner may do this.',
      'helpdesk_agent_required',
    );
  return partnerId;
}

/** Whether the organisation's current record names the partner (the authority for scope). */
export function isManagedBy(org: OrgDoc | null, partnerId: string): org is OrgDoc {
  return !!org && org.managedByPartnerIds.includes(partnerId);
}

/**
 * Organisations the partner may manage: a superset (docs of partners later dropped stay), so
 * every answer built from it is checked again with `isManagedBy` on the org document.
 */
export async function candidateOrgIds(view: ProjectionView, partnerId: string): Promise<string[]> {
  const docs = await findAll<ManagedDoc>(view, C.managed, { partnerId });
  return docs.map((doc) => doc.orgId);
}

/** The organisation if the partner manages it; 404 otherwise (the agent may not know it exists). */
export async function managedOrg(
  view: ProjectionView,
  partnerId: string,
  orgId: string,
): Promise<OrgDoc> {
  const org = await view.store.get<OrgDoc>(view.collection(C.orgs), orgId);
  if (!isManagedBy(org, partnerId))
    throw new NotFoundError(`Organisation ${orgId} not found among the partner's customers`);
  return org;
}

import { NotFoundError } from '@hub/domain';
import { QueryReader } from '@hub/projection/query/query-reader';
import { AsOfQuery } from '../as-of-query';
import {
  RelationsCaller,
  gdapRelationships,
  readOnlySessions,
  serviceHealth,
} from './partner-relations.queries';

/** Which of the projection's routes an auditor asks about (default: the GDAP relationships). */
const ROUTES = ['gdap-relationships', 'service-health', 'readonly-sessions'] as const;

/** An ISO instant `asOf` is the moment statuses are judged at; a position leaves the hub's clock. */
const instantOf = (asOf: string | undefined, now: Date): Date =>
  asOf !== undefined && asOf.includes('T') && !Number.isNaN(Date.parse(asOf))
    ? new Date(asOf)
    : now;

/**
 * `partner-relations` as of a past moment, for auditors (GET /v1/audit/projections/
 * partner-relations?asOf=…): `route` picks the live route answered (`gdap-relationships` with
 * its `partnerId`/`customerOrgId`, or `service-health`/`readonly-sessions` with `orgId`). A
 * relationship's status and a session's end are judged at the `asOf` instant, as they stood then.
 * A customer organisation's Auditor reads only what involves their organisation (404 otherwise).
 */
export const partnerRelationsAsOf: AsOfQuery = async (view, scope, query, now) => {
  const { asOf, ...rest } = query;
  const reader = new QueryReader(rest, ['route', 'partnerId', 'customerOrgId', 'orgId']);
  const route = reader.oneOf('route', ROUTES) ?? 'gdap-relationships';
  const filter = {
    partnerId: reader.text('partnerId'),
    customerOrgId: reader.text('customerOrgId'),
  };
  const orgId = reader.text('orgId');
  if (route !== 'gdap-relationships' && orgId === undefined)
    reader.fail('orgId', `${route} needs the organisation`);
  reader.done();
  const auditedOrg = scope.auditedOrgId;
  const named = route === 'gdap-relationships' ? filter.customerOrgId : orgId;
  if (auditedOrg !== undefined && named !== undefined && named !== auditedOrg)
    throw new NotFoundError(`Organisation ${named} not found`);
  const caller: RelationsCaller = { userId: scope.userId, all: true, roles: [] };
  const at = instantOf(asOf, now);
  if (route === 'service-health') return serviceHealth(view, caller, orgId!, at);
  if (route === 'readonly-sessions') return readOnlySessions(view, caller, orgId!, at);
  const scoped = auditedOrg !== undefined ? { ...filter, customerOrgId: auditedOrg } : filter;
  return gdapRelationships(view, caller, scoped, at);
};

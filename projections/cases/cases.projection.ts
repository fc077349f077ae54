import {
  CaseClosed,
  CaseFirstResponseRecorded,
  CaseGroupAccessGranted,
  CaseOpened,
  CaseSeverityChanged,
  CaseShared,
} from '@hub/domain/cases/case.events';
import { CaseTargetBreached } from '@hub/domain/cases/case-target.events';
import { GroupCreated, WorkspaceMemberRemoved } from '@hub/domain/workspaces/workspace.events';
import {
  DocKey,
  Projection,
  ProjectionDocs,
  RecordedOf,
  withItem,
} from '@hub/projection/projection';
import {
  CASES_COLLECTIONS as C,
  CaseDoc,
  CaseGroupDoc,
  CaseViewerDoc,
  listKeyOf,
  viewerId,
} from './cases.documents';
import { groupCreated, groupKeys, leaveGroups } from './case-groups';

const HANDLES = [
  'CaseOpened',
  'CaseSeverityChanged',
  'CaseShared',
  'CaseGroupAccessGranted',
  'CaseFirstResponseRecorded',
  'CaseClosed',
  'CaseTargetBreached',
  'GroupCreated',
  'WorkspaceMemberRemoved',
] as const;

type CaseProjectionEvent =
  | CaseOpened
  | CaseSeverityChanged
  | CaseShared
  | CaseGroupAccessGranted
  | CaseFirstResponseRecorded
  | CaseClosed
  | CaseTargetBreached
  | GroupCreated
  | WorkspaceMemberRemoved;

function locate(event: RecordedOf<CaseProjectionEvent>): DocKey[] {
  switch (event.type) {
    case 'GroupCreated':
    case 'WorkspaceMemberRemoved':
      return groupKeys(C.groups, event);
    case 'CaseGroupAccessGranted':
      return [
        { collection: C.cases, id: event.data.caseId },
        { collection: C.groups, id: event.data.groupId },
      ];
    default:
      return [{ collection: C.cases, id: event.data.caseId }];
  }
}

/**
 * Viewer documents are written without being read: their content follows from the event and
 * the case alone, so writing one again (a redelivered event) changes nothing.
 */
function admit(docs: ProjectionDocs, doc: CaseDoc, userId: string, admittedAt: string): void {
  // Rules a–c admit members of the case's workspace; a partner's own case has none (its
  // AdminAgents see it as the filing partner's).
  if (doc.workspaceId === null) return;
  const viewer: CaseViewerDoc = {
    caseId: doc.caseId,
    workspaceId: doc.workspaceId,
    userId,
    admittedAt,
  };
  docs.put(C.viewers, viewerId(doc.caseId, userId), viewer);
}

function opened(docs: ProjectionDocs, data: CaseOpened['data']): void {
  const doc: CaseDoc = {
    caseId: data.caseId,
    workspaceId: data.workspaceId ?? null,
    severity: data.severity,
    caseType: data.caseType,
    category: data.category ?? null,
    product: data.product,
    title: data.title,
    primaryContactUserId: data.primaryContactUserId,
    contractId: data.contractId ?? null,
    packageId: data.packageId ?? null,
    entitlementId: data.entitlementId ?? null,
    subscriptionId: data.subscriptionId ?? null,
    onBehalfOf: data.onBehalfOf ?? null,
    filedByPartnerId: data.onBehalfOf?.partnerId ?? null,
    openedBy: data.openedBy,
    openedAt: data.openedAt,
    initialResponseDueAt: data.initialResponseDueAt,
    respondedAt: null,
    responseTargetMet: null,
    breachedAt: null,
    language: data.language ?? 'en',
    status: 'open',
    closedAt: null,
    sharedWith: [],
    groupIds: [],
    listKey: listKeyOf(data.openedAt, data.caseId),
  };
  docs.put(C.cases, data.caseId, doc);
  // Visibility rule (c): the primary contact sees the case.
  admit(docs, doc, data.primaryContactUserId, data.openedAt);
}

function updateCase(docs: ProjectionDocs, caseId: string, change: Partial<CaseDoc>): void {
  const doc = docs.get<CaseDoc>(C.cases, caseId);
  if (!doc) return;
  docs.put(C.cases, caseId, { ...doc, ...change });
}

function groupAccessGranted(docs: ProjectionDocs, data: CaseGroupAccessGranted['data']): void {
  const found = docs.get<CaseDoc>(C.cases, data.caseId);
  if (!found) return;
  const doc = { ...found, groupIds: withItem(found.groupIds, data.groupId) };
  docs.put(C.cases, data.caseId, doc);
  // Visibility rule (a): members of a granted group of the case's own workspace.
  const group = docs.get<CaseGroupDoc>(C.groups, data.groupId);
  const members = doc.workspaceId === null ? [] : group?.membersByWorkspace[doc.workspaceId];
  for (const userId of members ?? []) admit(docs, doc, userId, data.grantedAt);
}

function severityChanged(docs: ProjectionDocs, data: CaseSeverityChanged['data']): void {
  const doc = docs.get<CaseDoc>(C.cases, data.caseId);
  if (!doc) return;
  docs.put(C.cases, data.caseId, {
    ...doc,
    severity: data.to,
    // A change before the first response restarts the clock (domain.md §5) …
    initialResponseDueAt: data.initialResponseDueAt ?? doc.initialResponseDueAt,
    // … but a breach it found stays: a breach is a fact.
    breachedAt: doc.breachedAt ?? data.breachedAt ?? null,
  });
}

function firstResponse(docs: ProjectionDocs, data: CaseFirstResponseRecorded['data']): void {
  const doc = docs.get<CaseDoc>(C.cases, data.caseId);
  if (!doc) return;
  docs.put(C.cases, data.caseId, {
    ...doc,
    respondedAt: data.respondedAt,
    responseTargetMet: data.responseTargetMet,
    // A late response is the evidence that the target in force passed at its due time.
    breachedAt: doc.breachedAt ?? (data.responseTargetMet ? null : doc.initialResponseDueAt),
  });
}

function evolve(docs: ProjectionDocs, event: RecordedOf<CaseProjectionEvent>): void {
  switch (event.type) {
    case 'CaseOpened':
      return opened(docs, event.data);
    case 'CaseSeverityChanged':
      return severityChanged(docs, event.data);
    case 'CaseShared': {
      const { caseId, userId } = event.data;
      const found = docs.get<CaseDoc>(C.cases, caseId);
      if (!found) return;
      const doc = { ...found, sharedWith: withItem(found.sharedWith, userId) };
      docs.put(C.cases, caseId, doc);
      // Visibility rule (b): added through case sharing.
      return admit(docs, doc, userId, event.data.sharedAt);
    }
    case 'CaseGroupAccessGranted':
      return groupAccessGranted(docs, event.data);
    case 'CaseFirstResponseRecorded':
      return firstResponse(docs, event.data);
    case 'CaseClosed':
      return updateCase(docs, event.data.caseId, {
        status: 'closed',
        closedAt: event.data.closedAt,
      });
    case 'CaseTargetBreached': {
      // The hub clock's recorded breach: the first one stays (a later target may breach again).
      const found = docs.get<CaseDoc>(C.cases, event.data.caseId);
      if (!found) return;
      const breachedAt = found.breachedAt ?? event.data.breachedAt;
      return docs.put(C.cases, found.caseId, { ...found, breachedAt });
    }
    case 'WorkspaceMemberRemoved':
      return leaveGroups(docs, C.groups, event.data);
    case 'GroupCreated':
      return groupCreated(docs, C.groups, event.data);
  }
}

/** Support cases with their SLA clock and who may see each by name (domain.md §5). */
export const casesProjection: Projection<CaseProjectionEvent> = {
  name: 'cases',
  // +1: breachedAt also from the hub clock's CaseTargetBreached facts.
  // 4: a partner's own case has no workspace (null), no viewers by name.
  version: 4,
  handles: HANDLES,
  collections: [
    {
      name: C.cases,
      indexes: [['workspaceId', 'listKey'], ['listKey'], ['filedByPartnerId', 'listKey']],
    },
    { name: C.viewers, indexes: [['userId', 'workspaceId']] },
    { name: C.groups },
  ],
  locate,
  evolve,
};

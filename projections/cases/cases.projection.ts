import {
  CaseClosed,
  CaseFirstResponseRecorded,
  CaseGroupAccessGranted,
  CaseOpened,
  CaseSeverityChanged,
  CaseShared,
} from '@hub/domain/cases/case.events';
import { CaseTargetBreached } from '@hub/domain/cases/case-target.events';
import { GroupCreated } from '@hub/domain/workspaces/workspace.events';
import {
  DocKey,
  Projection,
  ProjectionDocs,
  withItem,
  RecordedOf,
} from '@hub/projection/projection';
import {
  CASES_COLLECTIONS as C,
  CaseDoc,
  CaseGroupDoc,
  CaseViewerDoc,
  listKeyOf,
  viewerId,
} from './cases.documents';

const HANDLES = [
  'CaseOpened',
  'CaseSeverityChanged',
  'CaseShared',
  'CaseGroupAccessGranted',
  'CaseFirstResponseRecorded',
  'CaseClosed',
  'CaseTargetBreached',
  'GroupCreated',
] as const;

type CaseProjectionEvent =
  | CaseOpened
  | CaseSeverityChanged
  | CaseShared
  | CaseGroupAccessGranted
  | CaseFirstResponseRecorded
  | CaseClosed
  | CaseTargetBreached
  | GroupCreated;

function locate(event: RecordedOf<CaseProjectionEvent>): DocKey[] {
  switch (event.type) {
    case 'GroupCreated':
      return [{ collection: C.groups, id: event.data.groupId }];
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
function admit(docs: ProjectionDocs, doc: CaseDoc, userId: string): void {
  const viewer: CaseViewerDoc = { caseId: doc.caseId, workspaceId: doc.workspaceId, userId };
  docs.put(C.viewers, viewerId(doc.caseId, userId), viewer);
}

function opened(docs: ProjectionDocs, data: CaseOpened['data']): void {
  const doc: CaseDoc = {
    caseId: data.caseId,
    workspaceId: data.workspaceId,
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
    openedBy: data.openedBy,
    openedAt: data.openedAt,
    initialResponseDueAt: data.initialResponseDueAt,
    respondedAt: null,
    responseTargetMet: null,
    everBreached: false,
    breachedAt: null,
    status: 'open',
    closedAt: null,
    sharedWith: [],
    groupIds: [],
    listKey: listKeyOf(data.openedAt, data.caseId),
  };
  docs.put(C.cases, data.caseId, doc);
  // Visibility rule (c): the primary contact sees the case.
  admit(docs, doc, data.primaryContactUserId);
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
  for (const userId of group?.membersByWorkspace[doc.workspaceId] ?? []) admit(docs, doc, userId);
}

function evolve(docs: ProjectionDocs, event: RecordedOf<CaseProjectionEvent>): void {
  switch (event.type) {
    case 'CaseOpened':
      return opened(docs, event.data);
    case 'CaseSeverityChanged': {
      const { to, initialResponseDueAt } = event.data;
      return updateCase(docs, event.data.caseId, {
        severity: to,
        // A change before the first response restarts the clock (domain.md §5).
        ...(initialResponseDueAt ? { initialResponseDueAt } : {}),
      });
    }
    case 'CaseShared': {
      const { caseId, userId } = event.data;
      const found = docs.get<CaseDoc>(C.cases, caseId);
      if (!found) return;
      const doc = { ...found, sharedWith: withItem(found.sharedWith, userId) };
      docs.put(C.cases, caseId, doc);
      // Visibility rule (b): added through case sharing.
      return admit(docs, doc, userId);
    }
    case 'CaseGroupAccessGranted':
      return groupAccessGranted(docs, event.data);
    case 'CaseFirstResponseRecorded':
      return updateCase(docs, event.data.caseId, {
        respondedAt: event.data.respondedAt,
        responseTargetMet: event.data.responseTargetMet,
      });
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
      return docs.put(C.cases, found.caseId, { ...found, everBreached: true, breachedAt });
    }
    case 'GroupCreated': {
      const { groupId, workspaceId, memberUserIds } = event.data;
      const group = docs.get<CaseGroupDoc>(C.groups, groupId) ?? {
        groupId,
        membersByWorkspace: {},
      };
      return docs.put(C.groups, groupId, {
        ...group,
        membersByWorkspace: { ...group.membersByWorkspace, [workspaceId]: [...memberUserIds] },
      });
    }
  }
}

/** Support cases with their SLA clock and who may see each by name (domain.md §5). */
export const casesProjection: Projection<CaseProjectionEvent> = {
  name: 'cases',
  // 2: everBreached and breachedAt from the hub clock's CaseTargetBreached facts.
  version: 2,
  handles: HANDLES,
  collections: [
    { name: C.cases, indexes: [['workspaceId', 'listKey'], ['listKey']] },
    { name: C.viewers, indexes: [['userId', 'workspaceId']] },
    { name: C.groups },
  ],
  locate,
  evolve,
};

import { CaseId, UserId, WorkspaceId } from '@hub/domain';
import { CaseOpened } from '@hub/domain/cases/case.events';

export const caseId = 'case-1' as CaseId;

/** A severity B case opened at 09:00, due at 13:00 (50% at 11:00, 75% at 12:00). */
export const opened = {
  type: 'CaseOpened',
  data: {
    caseId,
    workspaceId: 'ws-1' as WorkspaceId,
    severity: 'B',
    caseType: 'problem-resolution',
    product: 'Azure SQL',
    title: 'Failover stuck',
    primaryContactUserId: 'u-1' as UserId,
    openedBy: 'u-1' as UserId,
    openedAt: '2026-03-02T09:00:00.000Z',
    initialResponseDueAt: '2026-03-02T13:00:00.000Z',
  },
} as CaseOpened;

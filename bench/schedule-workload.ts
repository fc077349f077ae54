// The schedule bench's workload: pending due times of a realistic mix, and opened cases.
import { CaseId, UserId, WorkspaceId, deterministicId } from '@hub/domain';
import { CaseOpened } from '@hub/domain/cases/case.events';
import { NewEvent } from '@hub/event-store';
import { Timer } from '@hub/application/schedule/timer';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;

/** A pending due time of the realistic mix, due within the coming year. */
export function pendingTimer(n: number): Timer {
  const dueAt = new Date(NOW + DAY + ((n * 7919) % (365 * DAY))).toISOString();
  const kind = n % 10;
  if (kind < 6) {
    const caseId = `bench-case-${n}`;
    const owner = `case-target:${caseId}`;
    return {
      key: `${owner}:${[50, 75, 100][n % 3]}`,
      owner,
      dueAt,
      decider: 'case',
      stream: `case-${caseId}`,
      command: { type: 'BreachCaseTarget', caseId, initialResponseDueAt: dueAt, at: dueAt },
    };
  }
  const [decider, owner] =
    kind < 8
      ? (['gdap', `gdap-term:bench-rel-${n}`] as const)
      : (['package', `package-term:bench-pkg-${n}`] as const);
  return {
    key: `${owner}:${[30, 7, 1][n % 3]}`,
    owner,
    dueAt,
    decider,
    stream: owner.replace('-term:', '-'),
    command:
      decider === 'gdap'
        ? {
            type: 'NoticeGdapExpiry',
            relationshipId: `bench-rel-${n}`,
            daysLeft: 30,
            endsAt: dueAt,
            at: dueAt,
          }
        : {
            type: 'NoticePackageExpiry',
            packageId: `bench-pkg-${n}`,
            daysLeft: 30,
            expiresOn: '2027-01-01',
            at: dueAt,
          },
  };
}

export function opened(caseId: string, openedAt: string, dueAt: string): NewEvent {
  const data: CaseOpened['data'] = {
    caseId: caseId as CaseId,
    workspaceId: 'bench-ws' as WorkspaceId,
    severity: 'B',
    caseType: 'problem-resolution',
    product: 'Azure',
    title: 'bench',
    primaryContactUserId: 'u-1' as UserId,
    openedBy: 'u-1' as UserId,
    openedAt,
    initialResponseDueAt: dueAt,
  };
  return {
    type: 'CaseOpened',
    data,
    metadata: {
      eventId: deterministicId('bench-open', caseId),
      schemaVersion: 1,
      correlationId: caseId,
      causationId: caseId,
      actor: { userId: 'u-1' },
      source: 'bench',
      occurredAt: openedAt,
    },
  };
}

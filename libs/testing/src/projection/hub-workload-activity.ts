import { randomUUID } from 'node:crypto';
import { NewEvent } from '@hub/event-store';
import {
  WorkloadAppend,
  WorkloadClock,
  WorkloadCustomer,
  hubEvent,
  userRecord,
} from './hub-workload-events';

/** A small fast PRNG (mulberry32): the same seed gives the same mix. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOURS = { A: 2, B: 4, C: 8 } as const;
const SEVERITIES = ['A', 'B', 'C'] as const;

/**
 * The hub's mixed traffic after onboarding, weighted as production is: consumption logged
 * (and sometimes reversed) dominates, then the case lifecycle, then directory refreshes and
 * role changes. Each call returns one append.
 */
export class Activity {
  constructor(
    private readonly rnd: () => number,
    private readonly clock: WorkloadClock,
    private readonly customers: WorkloadCustomer[],
  ) {}

  next(): WorkloadAppend {
    const customer = this.customers[Math.floor(this.rnd() * this.customers.length)];
    const roll = this.rnd();
    // By events: a ledger append carries ~10, the others one each, so this is about 56%
    // consumption, 30% cases, 9% directory and 5% roles.
    if (roll < 0.12) return this.ledger(customer);
    if (roll < 0.72) return this.caseStep(customer);
    if (roll < 0.9) return this.directory(customer);
    return this.roles(customer);
  }

  private ledger(c: WorkloadCustomer): WorkloadAppend {
    const events: NewEvent[] = [];
    const count = 4 + Math.floor(this.rnd() * 12);
    for (let i = 0; i < count; i += 1) {
      const at = this.clock.next();
      if (c.unreversed.length > 0 && this.rnd() < 0.06) {
        const [undo] = c.unreversed.splice(Math.floor(this.rnd() * c.unreversed.length), 1);
        events.push(
          hubEvent(
            'ConsumptionReversed',
            {
              consumptionId: undo.consumptionId,
              contractId: c.contractId,
              ...(undo.line.packageId ? { packageId: undo.line.packageId } : {}),
              entitlementId: undo.line.entitlementId,
              quantity: undo.quantity,
              reason: 'Logged against the wrong entitlement',
              reversedAt: at,
            },
            at,
            'csam-1',
          ),
        );
        continue;
      }
      const line = c.lines[Math.floor(this.rnd() * c.lines.length)];
      const quantity = (1 + Math.floor(this.rnd() * 16)) / 4;
      const consumptionId = randomUUID();
      c.unreversed.push({ consumptionId, line, quantity });
      if (c.unreversed.length > 40) c.unreversed.shift();
      events.push(
        hubEvent(
          'ConsumptionLogged',
          {
            consumptionId,
            contractId: c.contractId,
            ...(line.packageId ? { packageId: line.packageId } : {}),
            entitlementId: line.entitlementId,
            category: line.category,
            unit: line.unit,
            quantity,
            deliveredOn: this.clock.day(),
            reference: { kind: 'case', id: randomUUID() },
            workspaceId: c.workspaceId,
            source: 'delivery-service',
            overage: 0,
            loggedAt: at,
          },
          at,
          'svc:delivery-service',
        ),
      );
    }
    return { stream: `ledger-${c.contractId}`, events };
  }

  private caseStep(c: WorkloadCustomer): WorkloadAppend {
    const at = this.clock.next();
    const member = c.members[Math.floor(this.rnd() * c.members.length)];
    if (c.openCases.length === 0 || (c.openCases.length < 30 && this.rnd() < 0.3)) {
      const caseId = randomUUID();
      const severity = SEVERITIES[Math.floor(this.rnd() * 3)];
      const onContract = this.rnd() < 0.3;
      c.openCases.push({ caseId, step: 0 });
      const due = new Date(Date.parse(at) + HOURS[severity] * 3_600_000).toISOString();
      const data = {
        caseId,
        workspaceId: c.workspaceId,
        severity,
        caseType: this.rnd() < 0.8 ? 'problem-resolution' : 'advisory',
        ...(this.rnd() < 0.1 ? { category: 'DSA' } : {}),
        product: 'Meetings',
        title: `Calls drop after ${1 + Math.floor(this.rnd() * 50)} minutes`,
        description: 'Several users report the same symptom since the last update.',
        primaryContactUserId: member.userId,
        ...(onContract
          ? { contractId: c.contractId, entitlementId: c.lines[0].entitlementId }
          : {}),
        openedBy: member.userId,
        openedAt: at,
        initialResponseDueAt: due,
      };
      return {
        stream: `case-${caseId}`,
        events: [hubEvent('CaseOpened', data, at, member.userId)],
      };
    }
    const index = Math.floor(this.rnd() * c.openCases.length);
    const open = c.openCases[index];
    const { caseId } = open;
    open.step += 1;
    const event = (type: string, data: object): WorkloadAppend => ({
      stream: `case-${caseId}`,
      events: [hubEvent(type, { caseId, ...data }, at, member.userId)],
    });
    if (open.step === 1)
      return event('CaseShared', {
        userId: member.userId,
        sharedBy: c.members[0].userId,
        sharedAt: at,
      });
    if (open.step === 2)
      return event('CaseFirstResponseRecorded', {
        respondedAt: at,
        responseTargetMet: this.rnd() < 0.9,
        recordedAt: at,
      });
    if (open.step === 3 && this.rnd() < 0.3)
      return event('CaseSeverityChanged', { from: 'B', to: 'A', changedAt: at });
    if (open.step === 3 && this.rnd() < 0.2)
      return event('CaseGroupAccessGranted', {
        groupId: c.groupId,
        grantedBy: c.members[0].userId,
        grantedAt: at,
      });
    c.openCases.splice(index, 1);
    return event('CaseClosed', {
      resolution: 'Fixed by the latest update',
      closedBy: member.userId,
      closedAt: at,
    });
  }

  private directory(c: WorkloadCustomer): WorkloadAppend {
    const at = this.clock.next();
    const member = c.members[Math.floor(this.rnd() * c.members.length)];
    const stream = `directory-user-${member.userId}`;
    if (this.rnd() < 0.2)
      return {
        stream,
        events: [
          hubEvent(
            'EmailStatusReported',
            {
              userId: member.userId,
              email: member.email,
              messageKind: 'case-update',
              status: 'delivered',
              at,
            },
            at,
            'svc:mail',
          ),
        ],
      };
    return {
      stream,
      events: [
        hubEvent(
          'UserUpserted',
          userRecord(c, member, this.rnd() < 0.1 ? 'inactive' : 'active'),
          at,
          'svc:directory',
        ),
      ],
    };
  }

  private roles(c: WorkloadCustomer): WorkloadAppend {
    const at = this.clock.next();
    const member = c.members[1 + Math.floor(this.rnd() * (c.members.length - 1))];
    const role = this.rnd() < 0.5 ? 'ViewAllSupportRequests' : 'LearningManager';
    const data = { workspaceId: c.workspaceId, userId: member.userId, role };
    const event =
      this.rnd() < 0.6
        ? hubEvent(
            'RoleGranted',
            { ...data, grantedAt: at, grantedBy: c.members[0].userId },
            at,
            c.members[0].userId,
          )
        : hubEvent(
            'RoleRevoked',
            { ...data, revokedAt: at, revokedBy: c.members[0].userId },
            at,
            c.members[0].userId,
          );
    return { stream: `workspace-${c.workspaceId}`, events: [event] };
  }
}

import { randomUUID } from 'node:crypto';
import { NewEvent } from '@hub/event-store';

/** One append of a workload: events for one stream, in order. */
export interface WorkloadAppend {
  stream: string;
  events: NewEvent[];
}

/** A consumable line the activity generator logs consumption against. */
export interface WorkloadLine {
  entitlementId: string;
  category: string;
  unit: string;
  packageId?: string;
}

/** What the activity generator remembers of one onboarded customer. */
export interface WorkloadCustomer {
  agreementId: string;
  orgId: string;
  workspaceId: string;
  contractId: string;
  packageId: string;
  groupId: string;
  lines: WorkloadLine[];
  members: { userId: string; email: string; firstName: string; lastName: string }[];
  openCases: { caseId: string; step: number }[];
  unreversed: { consumptionId: string; line: WorkloadLine; quantity: number }[];
}

/** A deterministic clock: each event happens 20 seconds after the previous one. */
export class WorkloadClock {
  private ms = Date.UTC(2024, 0, 1);
  next(): string {
    this.ms += 20_000;
    return new Date(this.ms).toISOString();
  }
  day(): string {
    return new Date(this.ms).toISOString().slice(0, 10);
  }
}

/** An event with the envelope the write side records (fresh ids, the actor named). */
export function hubEvent(type: string, data: object, at: string, actor: string): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      schemaVersion: 1,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: actor.startsWith('svc:') ? { service: actor.slice(4) } : { userId: actor },
      source: 'api',
      occurredAt: at,
    },
  };
}

export function userRecord(
  customer: Pick<WorkloadCustomer, 'orgId'>,
  member: WorkloadCustomer['members'][number],
  status = 'active',
): object {
  return {
    userId: member.userId,
    orgId: customer.orgId,
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    displayName: `${member.firstName} ${member.lastName}`,
    status,
    licences: ['MEETINGS'],
    devices: [],
    features: ['recording'],
  };
}

/** The directory's record of customer `n`'s organisation; one in four is partner-managed. */
export function orgRecord(
  n: number,
  orgId: string,
  domain: string,
  admin: { userId: string; email: string },
  at: string,
): object {
  return {
    orgId,
    name: `Customer ${n} AB`,
    createdAt: at,
    domains: [{ name: domain, status: 'verified' }],
    sites: [],
    orderNumbers: [`OR-${100000 + n}`],
    managedByPartnerIds: n % 4 === 0 ? [`partner-${n % 20}`] : [],
    administrators: [{ userId: admin.userId, email: admin.email }],
    licences: [{ sku: 'MEETINGS', quantity: 25 }],
  };
}
